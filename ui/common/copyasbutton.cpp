#include "common/copyasbutton.h"

#include <QAction>
#include <QIcon>
#include <QMenu>

namespace dd::ui {

CopyAsButton::CopyAsButton(const QString &text, QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("copyCli"));
    setPopupMode(QToolButton::MenuButtonPopup);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *menu = new QMenu(this);
    const auto add = [this, menu](const char *name, const QString &label, CopyFormat format) {
        QAction *a = menu->addAction(label);
        a->setObjectName(QLatin1String(name));
        connect(a, &QAction::triggered, this, [this, format] { emit copyRequested(format); });
        return a;
    };
    QAction *cli = add("copyAsCli", tr("Copy as AWS CLI command"), CopyFormat::AwsCli);
    add("copyAsPython", tr("Copy as Python (boto3)"), CopyFormat::Python);
    add("copyAsJavaScript", tr("Copy as JavaScript (AWS SDK v3)"), CopyFormat::JavaScript);
    // The button's own click is the CLI action, with the button's label.
    auto *main = new QAction(QIcon(QStringLiteral(":/dynamodesk/icons/copy.svg")), text, this);
    main->setToolTip(tr("Copy as AWS CLI command (the arrow: as Python or JavaScript code)"));
    connect(main, &QAction::triggered, cli, &QAction::trigger);
    setDefaultAction(main);
    setMenu(menu); // after setDefaultAction, which takes the action's (lack of a) menu
    setText(text); // the action's text drops its '&': this keeps the mnemonic (Alt+C for "AWS &CLI")
}

QString CopyAsButton::copiedMessage(CopyFormat format)
{
    switch (format) {
    case CopyFormat::AwsCli:
        return tr("Copied the AWS CLI command");
    case CopyFormat::Python:
        return tr("Copied the Python (boto3) code");
    case CopyFormat::JavaScript:
        return tr("Copied the JavaScript (AWS SDK v3) code");
    }
    return QString();
}

} // namespace dd::ui
