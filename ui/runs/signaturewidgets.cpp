#include "runs/signaturewidgets.h"

#include "people.h"
#include "tints.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>

namespace stable {

void fillPeople(QComboBox* combo, Library& library)
{
    combo->clear();
    auto people = listPeople(library);
    if (!people.ok())
        return;
    for (const Person& person : people.value()) {
        const QString text =
            person.locked ? QCoreApplication::translate("stable::SignDialog", "%1 (%2) — locked").arg(person.name, person.initials)
                          : QCoreApplication::translate("stable::SignDialog", "%1 (%2)").arg(person.name, person.initials);
        combo->addItem(text, person.id);
    }
    combo->setCurrentIndex(-1);
    combo->setPlaceholderText(QCoreApplication::translate("stable::SignDialog", "Who signs"));
}

} // namespace stable
