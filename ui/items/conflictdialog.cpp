#include "items/conflictdialog.h"

#include "common/itemjson.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>

namespace dd::ui {

ConflictDialog::ConflictDialog(const QJsonObject &mine, const QJsonObject &current, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("The item changed since you loaded it"));
    const QStringList diff = differingAttributes(mine, current);
    auto *intro = new QLabel(current.isEmpty()
        ? tr("Someone deleted this item after you loaded it.")
        : tr("Someone changed this item after you loaded it. Attributes that differ: %1").arg(diff.join(QLatin1String(", "))), this);
    intro->setWordWrap(true);
    auto makeView = [this](const QString &name, const QString &text) {
        auto *view = new QPlainTextEdit(this);
        view->setObjectName(name);
        view->setReadOnly(true);
        view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        view->setPlainText(text);
        return view;
    };
    auto *grid = new QGridLayout(this);
    grid->addWidget(intro, 0, 0, 1, 2);
    grid->addWidget(new QLabel(tr("<b>Your version</b>"), this), 1, 0);
    grid->addWidget(new QLabel(tr("<b>In the database now</b>"), this), 1, 1);
    grid->addWidget(makeView(QStringLiteral("mine"), itemjson::toPlainText(mine)), 2, 0);
    grid->addWidget(makeView(QStringLiteral("theirs"), current.isEmpty() ? tr("(deleted)") : itemjson::toPlainText(current)), 2, 1);

    auto *buttons = new QDialogButtonBox(this);
    auto *overwrite = buttons->addButton(tr("&Overwrite with mine"), QDialogButtonBox::AcceptRole);
    overwrite->setObjectName(QStringLiteral("overwrite"));
    auto *theirs = buttons->addButton(tr("&Take theirs"), QDialogButtonBox::ActionRole);
    theirs->setObjectName(QStringLiteral("takeTheirs"));
    theirs->setEnabled(!current.isEmpty());
    auto *keep = buttons->addButton(tr("&Keep editing"), QDialogButtonBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepEditing"));
    // Enter must not throw the other writer's change away.
    overwrite->setAutoDefault(false);
    theirs->setAutoDefault(false);
    keep->setDefault(true);
    grid->addWidget(buttons, 3, 0, 1, 2);
    connect(overwrite, &QPushButton::clicked, this, [this] { done(Overwrite); });
    connect(theirs, &QPushButton::clicked, this, [this] { done(TakeTheirs); });
    connect(keep, &QPushButton::clicked, this, [this] { done(KeepEditing); });
    resize(900, 500);
}

QStringList ConflictDialog::differingAttributes(const QJsonObject &a, const QJsonObject &b)
{
    QSet<QString> names;
    for (auto it = a.begin(); it != a.end(); ++it)
        names.insert(it.key());
    for (auto it = b.begin(); it != b.end(); ++it)
        names.insert(it.key());
    QStringList diff;
    for (const QString &n : names)
        if (a.value(n) != b.value(n))
            diff << n;
    diff.sort();
    return diff;
}

} // namespace dd::ui
