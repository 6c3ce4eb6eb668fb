// libFuzzer target: the stable-process/1 reader. Any input must come back as a process or as a refusal
// with a message; a process it accepts must survive its own writer and reader unchanged.
#include "fuzzsupport.h"
#include "processjson.h"

#include <QByteArray>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    stable::fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto parsed = stable::parseProcessJson(json, QStringLiteral("fuzz.json"));
    if (!parsed.ok()) {
        if (parsed.message().isEmpty())
            std::abort(); // a refusal must say why
        return 0;
    }
    const QByteArray written = stable::processDocument(parsed.value(), true);
    const auto again = stable::parseProcessJson(written, QStringLiteral("fuzz.json"));
    if (!again.ok() || stable::processDocument(again.value(), true) != written)
        std::abort(); // what the writer writes, the reader must read back the same
    return 0;
}
