#include "designer/tageditor.h"

#include "common/errorlabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace dd::ui {

TagEditor::TagEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("tags"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setMaximumHeight(110);
    layout->addWidget(m_table);
    m_error = new ErrorLabel(this);
    layout->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    auto *add = new QToolButton(this);
    add->setObjectName(QStringLiteral("addTag"));
    add->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")));
    add->setToolTip(tr("Add a tag"));
    auto *remove = new QToolButton(this);
    remove->setObjectName(QStringLiteral("removeTag"));
    remove->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/remove.svg")));
    remove->setToolTip(tr("Remove the selected tag"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(add, &QToolButton::clicked, this, [this] {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        m_table->setItem(r, 0, new QTableWidgetItem);
        m_table->setItem(r, 1, new QTableWidgetItem);
        m_table->setCurrentCell(r, 0);
        m_table->editItem(m_table->item(r, 0));
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
        emit changed();
    });
    connect(m_table, &QTableWidget::itemChanged, this, &TagEditor::changed);
}

QList<QPair<QString, QString>> TagEditor::tags() const
{
    QList<QPair<QString, QString>> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto *k = m_table->item(r, 0);
        const auto *v = m_table->item(r, 1);
        const QString key = k ? k->text().trimmed() : QString();
        const QString value = v ? v->text() : QString();
        if (!key.isEmpty() || !value.isEmpty())
            out.append({key, value});
    }
    return out;
}

void TagEditor::setTags(const QList<QPair<QString, QString>> &tags)
{
    const QSignalBlocker block(m_table);
    m_table->setRowCount(0);
    for (const auto &[key, value] : tags) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        m_table->setItem(r, 0, new QTableWidgetItem(key));
        m_table->setItem(r, 1, new QTableWidgetItem(value));
    }
    emit changed();
}

void TagEditor::setError(const QString &message)
{
    m_error->setError(message);
}

} // namespace dd::ui
