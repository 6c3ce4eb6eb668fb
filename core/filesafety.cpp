#include "filesafety.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>

#include <optional>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>

#ifndef Q_OS_WIN
#include <unistd.h>
#endif

namespace stable {

namespace {

QString quoted(const QString& path)
{
    return QStringLiteral("‘%1’").arg(path);
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString sizeText(qint64 bytes)
{
    constexpr qint64 mebibyte = qint64{1024} * 1024;
    if (bytes >= mebibyte && bytes % mebibyte == 0)
        return QStringLiteral("%1 MiB").arg(bytes / mebibyte);
    if (bytes >= mebibyte)
        return QStringLiteral("%1 MiB").arg(static_cast<double>(bytes) / static_cast<double>(mebibyte), 0, 'f', 1);
    return QStringLiteral("%1 bytes").arg(bytes);
}

QString kindOf(mode_t mode)
{
    if (S_ISREG(mode))
        return {};
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO (named pipe)");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device");
#ifdef S_ISSOCK
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
#endif
    return QStringLiteral("not a regular file");
}

struct FileKey
{
    quint64 device = 0;
    quint64 inode = 0;
    bool operator==(const FileKey& other) const { return device == other.device && inode == other.inode; }
};

std::optional<FileKey> keyOf(const QString& path, bool followLinks)
{
    struct stat info
    {
    };
    const QByteArray name = QFile::encodeName(path);
#ifdef Q_OS_WIN
    Q_UNUSED(followLinks)
    if (::stat(name.constData(), &info) != 0)
        return std::nullopt;
#else
    if ((followLinks ? ::stat(name.constData(), &info) : ::lstat(name.constData(), &info)) != 0)
        return std::nullopt;
#endif
    return FileKey{static_cast<quint64>(info.st_dev), static_cast<quint64>(info.st_ino)};
}

// The path with its folder resolved (symlinks, "..", "./"), the name as given: how two spellings of one
// place compare, whether the file exists yet or not.
QString placeOf(const QString& path)
{
    const QFileInfo info(path);
    const QString folder = QDir(info.absolutePath()).canonicalPath();
    return (folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/') + info.fileName();
}

const QStringList& librarySidecars()
{
    static const QStringList suffixes = {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                         QStringLiteral("-journal")};
    return suffixes;
}

// Refuses the open library (any spelling of it or of its journal files) as an output.
Status checkNotLibrary(const QString& path, const std::optional<FileKey>& target, const QString& library)
{
    const QString place = placeOf(path);
    const QString resolved = QFileInfo(library).canonicalFilePath();
    for (const QString& suffix : librarySidecars()) {
        QStringList spellings = {placeOf(library + suffix)};
        if (!resolved.isEmpty())
            spellings.append(placeOf(resolved + suffix));
        bool same = spellings.contains(place);
        if (!same && target) {
            const auto key = keyOf(library + suffix, true);
            same = key && *key == *target;
        }
        if (same)
            return refused(suffix.isEmpty()
                               ? QStringLiteral("%1 is the library %2 itself; choose another file to write.")
                                     .arg(quoted(path), quoted(library))
                               : QStringLiteral("%1 is the %2 file of the library %3; choose another file to "
                                                "write.")
                                     .arg(quoted(path), suffix.mid(1), quoted(library)));
    }
    return success();
}

QMutex& openLibrariesLock()
{
    static QMutex lock;
    return lock;
}

QStringList& openLibraries()
{
    static QStringList paths;
    return paths;
}

mode_t creationMode()
{
#ifdef Q_OS_WIN
    return 0666;
#else
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return static_cast<mode_t>(0666 & ~mask);
#endif
}

} // namespace

void registerOpenLibrary(const QString& path)
{
    const QMutexLocker locker(&openLibrariesLock());
    openLibraries().append(path);
}

void unregisterOpenLibrary(const QString& path)
{
    const QMutexLocker locker(&openLibrariesLock());
    openLibraries().removeOne(path);
}

QString nonRegularKind(const QString& path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    return kindOf(info.st_mode);
}

Result<std::unique_ptr<QFile>> openRegularFile(const QString& path, const QString& what)
{
    const QByteArray name = QFile::encodeName(path);
    struct stat info
    {
    };
    if (::stat(name.constData(), &info) != 0) {
        const int error = errno;
        if (error == ENOENT)
            return notFound(QStringLiteral("%1 does not exist.").arg(quoted(path)));
        return storageError(QStringLiteral("%1 cannot be read: %2.").arg(quoted(path), systemError(error)));
    }
    const auto refuseKind = [&](mode_t mode) {
        return invalid(
            QStringLiteral("%1 is %2, not a file; name the %3 itself.").arg(quoted(path), kindOf(mode), what));
    };
    if (!S_ISREG(info.st_mode))
        return refuseKind(info.st_mode);
    auto file = std::make_unique<QFile>();
#ifdef Q_OS_WIN
    file->setFileName(path);
    if (!file->open(QIODevice::ReadOnly))
        return storageError(QStringLiteral("%1 cannot be read: %2.").arg(quoted(path), file->errorString()));
#else
    const int fd = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return storageError(QStringLiteral("%1 cannot be read: %2.").arg(quoted(path), systemError(errno)));
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return refuseKind(info.st_mode);
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0)
        (void)::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    if (!file->open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return storageError(QStringLiteral("%1 cannot be read: %2.").arg(quoted(path), file->errorString()));
    }
#endif
    return file;
}

Result<QByteArray> readInputFile(const QString& path, qint64 maxBytes, const QString& what)
{
    const auto tooLarge = [&](const QString& whose) {
        return invalid(QStringLiteral("%1 is larger than a %2 may be (at most %3); nothing was read.")
                           .arg(whose, what, sizeText(maxBytes)));
    };
    std::unique_ptr<QFile> file;
    if (path == QLatin1String("-")) {
        file = std::make_unique<QFile>();
        if (!file->open(stdin, QIODevice::ReadOnly))
            return storageError(QStringLiteral("Standard input cannot be read."));
    } else {
        auto opened = openRegularFile(path, what);
        STABLE_TRY(opened);
        file = std::move(opened).value();
        if (file->size() > maxBytes)
            return tooLarge(quoted(path));
    }
    // The file may grow after the size was read (and standard input has none): read one byte past the bound.
    QByteArray bytes;
    while (bytes.size() <= maxBytes) {
        const QByteArray chunk = file->read(std::min<qint64>(qint64{1} << 20, maxBytes + 1 - bytes.size()));
        if (chunk.isEmpty())
            break;
        bytes.append(chunk);
    }
    if (bytes.size() > maxBytes)
        return tooLarge(path == QLatin1String("-") ? QStringLiteral("Standard input") : quoted(path));
    if (file->error() != QFileDevice::NoError)
        return storageError(QStringLiteral("%1 cannot be read: %2.").arg(quoted(path), file->errorString()));
    return bytes;
}

Status checkLibraryFile(const QString& path)
{
    const QString kind = nonRegularKind(path);
    if (!kind.isEmpty())
        return invalid(QStringLiteral("%1 is %2, not a Stable library file; nothing was opened.")
                           .arg(quoted(path), kind));
    return success();
}

Status checkOutputTarget(const QString& path, const OutputRules& rules)
{
    const QFileInfo info(path);
    if (path.isEmpty() || info.fileName().isEmpty() || path.endsWith(QLatin1Char('/')))
        return invalid(QStringLiteral("%1 names no file to write.").arg(quoted(path)));
    struct stat status
    {
    };
    const QByteArray name = QFile::encodeName(path);
#ifdef Q_OS_WIN
    const bool exists = ::stat(name.constData(), &status) == 0;
#else
    const bool exists = ::lstat(name.constData(), &status) == 0;
#endif
    if (!exists && errno != ENOENT)
        return storageError(QStringLiteral("%1 cannot be written: %2.").arg(quoted(path), systemError(errno)));
    std::optional<FileKey> key;
    if (exists) {
#ifdef S_ISLNK
        if (S_ISLNK(status.st_mode))
            return refused(QStringLiteral("%1 is a symbolic link; Stable never writes through a link. Name the "
                                          "file itself, or remove the link.")
                               .arg(quoted(path)));
#endif
        if (!S_ISREG(status.st_mode))
            return refused(QStringLiteral("%1 is %2, not a file that can be written.")
                               .arg(quoted(path), kindOf(status.st_mode)));
        key = FileKey{static_cast<quint64>(status.st_dev), static_cast<quint64>(status.st_ino)};
    } else if (!QFileInfo(info.absolutePath()).isDir()) {
        return notFound(QStringLiteral("The folder %1 does not exist.").arg(info.absolutePath()));
    }
    QStringList libraries = rules.libraries;
    {
        const QMutexLocker locker(&openLibrariesLock());
        libraries += openLibraries();
    }
    for (const QString& library : std::as_const(libraries))
        STABLE_TRY(checkNotLibrary(path, key, library));
    const QString place = placeOf(path);
    for (const QString& sibling : rules.siblings) {
        const auto siblingKey = keyOf(sibling, false);
        if (placeOf(sibling) == place || (key && siblingKey && *key == *siblingKey))
            return refused(QStringLiteral("%1 and %2 are the same file; give each output its own file.")
                               .arg(quoted(sibling), quoted(path)));
    }
    if (exists && !rules.replace)
        return refused(QStringLiteral("%1 already exists; add --force to replace it.").arg(quoted(path)));
    return success();
}

OutputFile::OutputFile(QString path, OutputRules rules)
    : m_path(std::move(path))
    , m_rules(std::move(rules))
{
}

OutputFile::~OutputFile()
{
    discard();
}

Status OutputFile::open()
{
    STABLE_TRY(checkOutputTarget(m_path, m_rules));
    const QFileInfo info(m_path);
#ifdef Q_OS_WIN
    m_temporary = info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".stable-partial");
    m_file.setFileName(m_temporary);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        m_temporary.clear();
        return storageError(QStringLiteral("%1 cannot be written: %2.").arg(quoted(m_path), m_file.errorString()));
    }
#else
    // mkostemp creates the file exclusively (O_CREAT | O_EXCL): never through a link planted under its name.
    QByteArray pattern =
        QFile::encodeName(info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".XXXXXX"));
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0)
        return storageError(QStringLiteral("%1 cannot be written: %2.").arg(quoted(m_path), systemError(errno)));
    m_temporary = QFile::decodeName(pattern);
    (void)::fchmod(fd, creationMode());
    if (!m_file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        discard();
        return storageError(QStringLiteral("%1 cannot be written.").arg(quoted(m_path)));
    }
#endif
    return success();
}

Status OutputFile::commit()
{
    if (m_temporary.isEmpty())
        return Error{ErrorKind::Usage, QStringLiteral("%1 was not opened for writing.").arg(quoted(m_path))};
    if (m_file.isOpen()) {
        const bool flushed = m_file.flush() && m_file.error() == QFileDevice::NoError;
#ifndef Q_OS_WIN
        const bool synced = flushed && ::fsync(m_file.handle()) == 0;
#else
        const bool synced = flushed;
#endif
        const QString why = m_file.errorString();
        m_file.close();
        if (!synced) {
            discard();
            return storageError(QStringLiteral("%1 cannot be written: %2.").arg(quoted(m_path), why));
        }
    }
    // Checked again just before publishing: a link, a file or the library may have appeared meanwhile.
    if (const Status allowed = checkOutputTarget(m_path, m_rules); !allowed.ok()) {
        discard();
        return allowed;
    }
    const QByteArray from = QFile::encodeName(m_temporary);
    const QByteArray to = QFile::encodeName(m_path);
    bool published = false;
    int error = 0;
#ifdef Q_OS_WIN
    if (m_rules.replace)
        QFile::remove(m_path);
    published = QFile::rename(m_temporary, m_path);
    error = EEXIST;
#else
    if (m_rules.replace) {
        // rename() replaces a link planted under the name by the file itself; it never follows it.
        published = ::rename(from.constData(), to.constData()) == 0;
        error = errno;
    } else {
        // link() fails when the name exists — as anything, a dangling link included: never replaces.
        published = ::link(from.constData(), to.constData()) == 0;
        error = errno;
        if (!published && error != EEXIST) {
#ifdef RENAME_NOREPLACE
            published = ::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0;
            error = errno;
#endif
        }
    }
#endif
    if (!published) {
        discard();
        if (error == EEXIST)
            return refused(QStringLiteral("%1 already exists; add --force to replace it.").arg(quoted(m_path)));
        return storageError(QStringLiteral("%1 cannot be written: %2.").arg(quoted(m_path), systemError(error)));
    }
    if (m_rules.replace)
        m_temporary.clear(); // renamed: the temporary name is gone
    discard();               // after link(): the temporary name still points at the file
    return success();
}

void OutputFile::discard()
{
    if (m_file.isOpen())
        m_file.close();
    if (!m_temporary.isEmpty()) {
        QFile::remove(m_temporary);
        m_temporary.clear();
    }
}

Status writeOutputFile(const QString& path, const QByteArray& bytes, const OutputRules& rules)
{
    OutputFile file(path, rules);
    STABLE_TRY(file.open());
    if (file.device().write(bytes) != bytes.size())
        return storageError(QStringLiteral("%1 cannot be written: %2.").arg(quoted(path), file.device().errorString()));
    return file.commit();
}

} // namespace stable
