#include "backups/restoredialog.h"

#include "common/errorlabel.h"
#include "designer/tabledesign.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dd::ui {

namespace {

enum Billing { SameAsSource, OnDemand, Provisioned };

} // namespace

RestoreDialog::RestoreDialog(const QString &source, const QString &suggestedName, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore to new table"));
    auto *intro = new QLabel(source, this);
    intro->setWordWrap(true);
    m_name = new QLineEdit(suggestedName, this);
    m_name->setObjectName(QStringLiteral("targetName"));
    m_nameError = new ErrorLabel(this);
    m_indexes = new QCheckBox(tr("Restore the secondary indexes"), this);
    m_indexes->setObjectName(QStringLiteral("restoreIndexes"));
    m_indexes->setChecked(true);
    m_indexes->setToolTip(tr("Without them the restore is faster; indexes can be added later with UpdateTable"));
    m_billing = new QComboBox(this);
    m_billing->setObjectName(QStringLiteral("billingOverride"));
    m_billing->addItems({tr("Same as the source table"), tr("On-demand (PAY_PER_REQUEST)"), tr("Provisioned")});
    m_read = new QSpinBox(this);
    m_read->setObjectName(QStringLiteral("readCapacity"));
    m_read->setRange(1, 40000);
    m_read->setValue(5);
    m_write = new QSpinBox(this);
    m_write->setObjectName(QStringLiteral("writeCapacity"));
    m_write->setRange(1, 40000);
    m_write->setValue(5);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Res&tore"));

    auto *form = new QFormLayout;
    form->addRow(tr("&New table name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(QString(), m_indexes);
    form->addRow(tr("&Billing mode:"), m_billing);
    form->addRow(tr("&Read capacity units:"), m_read);
    form->addRow(tr("&Write capacity units:"), m_write);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &RestoreDialog::revalidate);
    connect(m_billing, &QComboBox::currentIndexChanged, this, &RestoreDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    revalidate();
    m_name->selectAll();
    m_name->setFocus();
}

QString RestoreDialog::targetName() const
{
    return m_name->text().trimmed();
}

void RestoreDialog::setTargetName(const QString &name)
{
    m_name->setText(name);
}

void RestoreDialog::revalidate()
{
    // The designer's rules for table names, so that both say the same.
    TableDesign design;
    design.tableName = targetName();
    QString problem;
    for (const DesignIssue &issue : design.validate())
        if (issue.field == QLatin1String("tableName"))
            problem = issue.message;
    m_nameError->setError(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    const bool provisioned = m_billing->currentIndex() == Provisioned;
    m_read->setEnabled(provisioned);
    m_write->setEnabled(provisioned);
}

QJsonObject RestoreDialog::requestOptions() const
{
    QJsonObject r{{QStringLiteral("TargetTableName"), targetName()}};
    if (!m_indexes->isChecked()) {
        r.insert(QStringLiteral("GlobalSecondaryIndexOverride"), QJsonArray());
        r.insert(QStringLiteral("LocalSecondaryIndexOverride"), QJsonArray());
    }
    switch (m_billing->currentIndex()) {
    case OnDemand:
        r.insert(QStringLiteral("BillingModeOverride"), QStringLiteral("PAY_PER_REQUEST"));
        break;
    case Provisioned:
        r.insert(QStringLiteral("BillingModeOverride"), QStringLiteral("PROVISIONED"));
        r.insert(QStringLiteral("ProvisionedThroughputOverride"),
                 QJsonObject{{QStringLiteral("ReadCapacityUnits"), m_read->value()}, {QStringLiteral("WriteCapacityUnits"), m_write->value()}});
        break;
    default:
        break;
    }
    return r;
}

} // namespace dd::ui
