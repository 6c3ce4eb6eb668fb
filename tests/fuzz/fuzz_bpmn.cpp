// libFuzzer target: the BPMN 2.0 reader (Qt's streaming XML reader underneath). Any input must come back
// as value streams or as a refusal with a message.
#include "bpmn.h"
#include "fuzzsupport.h"

#include <QByteArray>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    stable::fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray xml =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto parsed = stable::parseBpmn(xml, QStringLiteral("fuzz.bpmn"), QStringLiteral("model"));
    if (!parsed.ok() && parsed.message().isEmpty())
        std::abort(); // a refusal must say why
    return 0;
}
