#pragma once

#include "result.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <memory>

// Paths from a user are hostile input: an input may be a FIFO that blocks forever, /dev/zero that never
// ends, a folder; an output may be the open library itself under another spelling, a symlink planted
// in the target folder, or a file that exists. These are the only ways Stable reads an input file whole
// and writes an output file, in the command line and in the app alike (README "Files Stable reads and
// writes").

namespace stable {

// The bounds on input files (README "Files Stable reads and writes"); a larger file is refused before it
// is read.
namespace inputbounds {
inline constexpr qint64 processJson = qint64{16} * 1024 * 1024;      // a stable-process/1 document
inline constexpr qint64 bpmnXml = qint64{64} * 1024 * 1024;          // a BPMN 2.0 model
inline constexpr qint64 libraryJson = qint64{1024} * 1024 * 1024;    // a whole stable-library/1 document
} // namespace inputbounds

// "a FIFO", "a folder", "a device", "a socket", or empty for a regular file (following symlinks).
QString nonRegularKind(const QString& path);

// Opens a regular file to read: refuses anything else, checked before opening and again on the descriptor,
// which is opened without blocking (a FIFO swapped in between cannot hang the open).
Result<std::unique_ptr<QFile>> openRegularFile(const QString& path, const QString& what);

// Reads a whole input file of at most `maxBytes`: refuses a missing file, anything that is not a regular
// file (checked before opening, and again on the opened descriptor, which is opened without blocking),
// and a file larger than the bound — before reading it. `what` names the kind of file in messages
// ("process JSON file"). A path of "-" reads standard input, with the same bound.
Result<QByteArray> readInputFile(const QString& path, qint64 maxBytes, const QString& what);

// Refuses a library path that exists but is not a regular file, before anything opens it.
Status checkLibraryFile(const QString& path);

// Every Library open in this process registers its file here (Library does it): no output of the process,
// in the app or the command line, may be one of them.
void registerOpenLibrary(const QString& path);
void unregisterOpenLibrary(const QString& path);

// The rules an output path is checked against.
struct OutputRules
{
    // Libraries besides those open in the process (registerOpenLibrary): never written to, nor their -wal, -shm or -journal files, however
    // they are spelled (./LIB, a hard link, a symlink to it).
    QStringList libraries;
    // Other outputs of the same command: two outputs may not be one file.
    QStringList siblings;
    // An existing regular file is replaced only when the user said so (--force; the save dialog's own
    // confirmation). A symlink is never written through, replace or not.
    bool replace = false;
};

// Whether `path` may be written under `rules`; the message names the path and what to do.
Status checkOutputTarget(const QString& path, const OutputRules& rules);

// One output file: written under a temporary name in the target's folder (created exclusively, so that a
// link planted there is not followed), published under its name only by commit() — atomically, and
// without replacing anything unless rules.replace. Destroyed uncommitted, it leaves nothing behind.
class OutputFile
{
public:
    OutputFile(QString path, OutputRules rules);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    Status open();
    QIODevice& device() { return m_file; }
    QString path() const { return m_path; }
    // The temporary file, for writers that need a path (SQLite's VACUUM INTO); empty before open().
    QString temporaryPath() const { return m_temporary; }
    // Closes the device (when open) and publishes the temporary file under the output's name.
    Status commit();
    // Throws the temporary file away.
    void discard();

private:
    QString m_path;
    OutputRules m_rules;
    QString m_temporary;
    QFile m_file;
};

// Writes `bytes` to `path` through an OutputFile.
Status writeOutputFile(const QString& path, const QByteArray& bytes, const OutputRules& rules);

} // namespace stable
