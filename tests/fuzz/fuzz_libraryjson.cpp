// libFuzzer target: the stable-library/1 importer — parse, plan (ids, keys, references) and the insert
// into a real library file. Any input must be imported whole or refused whole with a message.
#include "fuzzsupport.h"
#include "library.h"
#include "libraryjson.h"
#include "sql.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdlib>
#include <memory>

namespace {

// One empty library reused for every refused input (a refusal writes nothing); a fresh one after an
// import that succeeded. Kept in memory-backed /dev/shm when there is one: fuzzing is about speed.
class Target
{
public:
    Target()
        : m_dir(
              QDir(QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath())
                  .filePath(QStringLiteral("stable-fuzz-XXXXXX")))
    {
        fresh();
    }

    stable::Library& library() { return *m_library; }

    void fresh()
    {
        m_library.reset();
        const QString path = m_dir.filePath(QStringLiteral("fuzz.stable"));
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(path + QLatin1String(suffix));
        auto created = stable::Library::create(path);
        if (!created.ok())
            std::abort();
        m_library = std::move(created).value();
        // Durability is not what is fuzzed here.
        (void)stable::execSql(m_library->db(), QStringLiteral("PRAGMA synchronous = OFF"));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<stable::Library> m_library;
};

Target* target = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    stable::fuzz::initialise(argc, argv);
    target = new Target;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const stable::Status imported =
        stable::importLibrary(target->library(), json, QStringLiteral("fuzz.json"));
    if (!imported.ok()) {
        if (imported.message().isEmpty())
            std::abort(); // a refusal must say why
        return 0;
    }
    target->fresh();
    return 0;
}
