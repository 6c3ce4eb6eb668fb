#pragma once

#include "result.h"

namespace stable {

class WriteTransaction;

// A copy of a library (a backup, a `cp`) that is written to on a computer which still has the original goes
// its own way: before its first write it takes an identity of its own (local_library), recorded as the
// audited event "library.fork" that names the parent id and the audit event the two chains share last. The
// witness then follows the original and the copy apart, so the untouched original keeps verifying.
// Called by WriteTransaction::begin() inside its transaction when the library is such a copy.
Status forkWithin(WriteTransaction& transaction);

} // namespace stable
