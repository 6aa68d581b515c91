#include "common/confirm.h"

#include <QPushButton>

namespace dd::ui {

QMessageBox *confirm(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text, const QString &objectName,
                     std::function<void()> onYes, const QString &yesText)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setObjectName(objectName);
    box->setDefaultButton(QMessageBox::Cancel);
    if (!yesText.isEmpty())
        box->button(QMessageBox::Yes)->setText(yesText);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [onYes = std::move(onYes)](int result) {
        if (result == QMessageBox::Yes)
            onYes();
    });
    box->open();
    return box;
}

} // namespace dd::ui
