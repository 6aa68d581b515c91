#include "designer/keytypecombo.h"

namespace dd::ui {

KeyTypeCombo::KeyTypeCombo(QWidget *parent) : QComboBox(parent)
{
    addItem(tr("String"), QStringLiteral("S"));
    addItem(tr("Number"), QStringLiteral("N"));
    addItem(tr("Binary"), QStringLiteral("B"));
}

QString KeyTypeCombo::type() const
{
    return currentData().toString();
}

void KeyTypeCombo::setType(const QString &type)
{
    setCurrentIndex(qMax(0, findData(type)));
}

} // namespace dd::ui
