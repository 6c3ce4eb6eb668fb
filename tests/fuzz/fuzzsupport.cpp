#include "fuzzsupport.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace stable::fuzz {

void initialise(int* argc, char*** argv)
{
    // libFuzzer's argc and argv live as long as the process, as QCoreApplication requires.
    static QCoreApplication* application = new QCoreApplication(*argc, *argv);
    Q_UNUSED(application);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false\n*.warning=false"));
}

} // namespace stable::fuzz
