#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace stable {

// Why an operation was refused. The CLI maps Usage to exit status 2 and everything else to 1.
enum class ErrorKind {
    Refused,   // a rule of the domain was broken (signing a closed run, the same signer twice…)
    NotFound,  // a named thing does not exist
    Invalid,   // bad input: malformed file, value out of range
    Locked,    // a person is locked out, or the library is held by another writer
    Storage,   // the file could not be read or written
    Usage,     // the caller used the API or command wrongly
};

// A message a person can act on; never raw SQL.
struct Error
{
    ErrorKind kind = ErrorKind::Refused;
    QString message;
};

struct Done
{};

// Either a value or an Error. Core returns these instead of throwing, showing UI or aborting.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T& operator*() const& { return *m_value; }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }

    const Error& error() const { return m_error; }
    const QString& message() const { return m_error.message; }
    ErrorKind kind() const { return m_error.kind; }

private:
    std::optional<T> m_value;
    Error m_error;
};

using Status = Result<Done>;

inline Status success()
{
    return Status(Done{});
}

inline Error refused(QString message)
{
    return Error{ErrorKind::Refused, std::move(message)};
}
inline Error notFound(QString message)
{
    return Error{ErrorKind::NotFound, std::move(message)};
}
inline Error invalid(QString message)
{
    return Error{ErrorKind::Invalid, std::move(message)};
}
inline Error storageError(QString message)
{
    return Error{ErrorKind::Storage, std::move(message)};
}

} // namespace stable

// Returns the error of a failed Result from the enclosing function.
#define STABLE_TRY(expr)                                                                                     \
    do {                                                                                                     \
        auto&& stableTryResult_ = (expr);                                                                    \
        if (!stableTryResult_.ok())                                                                          \
            return stableTryResult_.error();                                                                 \
    } while (false)
