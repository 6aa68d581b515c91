#include "streams/triggerdialog.h"

#include "common/errorlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace dd::ui {

namespace {
QString k(const char *s) { return QString::fromLatin1(s); }
}

TriggerDialog::TriggerDialog(const QString &table, QWidget *parent) : QDialog(parent), m_table(table)
{
    setObjectName(k("triggerDialog"));
    setWindowTitle(tr("Add trigger to %1").arg(table));
    m_name = new QLineEdit(this);
    m_name->setObjectName(k("triggerName"));
    m_name->setText(table + k("-trigger"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(k("targetKind"));
    m_kind->addItem(tr("Run a command"), k("Command"));
    m_kind->addItem(tr("POST to a URL"), k("Url"));
    m_target = new QLineEdit(this);
    m_target->setObjectName(k("target"));
    m_batchSize = new QSpinBox(this);
    m_batchSize->setObjectName(k("batchSize"));
    m_batchSize->setRange(1, 10000);
    m_batchSize->setValue(100);
    m_window = new QSpinBox(this);
    m_window->setObjectName(k("batchingWindow"));
    m_window->setRange(0, 300);
    m_window->setSuffix(tr(" s"));
    m_position = new QComboBox(this);
    m_position->setObjectName(k("startingPosition"));
    m_position->addItem(tr("Changes from now on (LATEST)"), k("LATEST"));
    m_position->addItem(tr("Every retained record (TRIM_HORIZON)"), k("TRIM_HORIZON"));
    m_retries = new QSpinBox(this);
    m_retries->setObjectName(k("retries"));
    m_retries->setRange(-1, 10000);
    m_retries->setValue(-1);
    m_retries->setSpecialValueText(tr("Until success"));
    m_bisect = new QCheckBox(tr("Split a failed batch in two and retry the halves"), this);
    m_bisect->setObjectName(k("bisect"));
    m_failureFile = new QLineEdit(this);
    m_failureFile->setObjectName(k("failureFile"));
    m_failureFile->setPlaceholderText(tr("None: passed-over batches are only logged"));
    auto *browse = new QPushButton(tr("Br&owse…"), this);
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(k("timeout"));
    m_timeout->setRange(1, 900);
    m_timeout->setValue(3);
    m_timeout->setSuffix(tr(" s"));
    m_enabled = new QCheckBox(tr("Start delivering at once"), this);
    m_enabled->setObjectName(k("enabled"));
    m_enabled->setChecked(true);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(k("dialogError"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));

    auto *failureRow = new QHBoxLayout;
    failureRow->addWidget(m_failureFile, 1);
    failureRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Target:"), m_kind);
    form->addRow(QString(), m_target);
    form->addRow(tr("&Batch size:"), m_batchSize);
    form->addRow(tr("Batching &window:"), m_window);
    form->addRow(tr("&Starting position:"), m_position);
    form->addRow(tr("&Retry attempts:"), m_retries);
    form->addRow(QString(), m_bisect);
    auto *failureLabel = new QLabel(tr("On-failure &file:"), this); // a row of a layout gets no buddy of its own
    failureLabel->setBuddy(m_failureFile);
    form->addRow(failureLabel, failureRow);
    form->addRow(tr("T&imeout:"), m_timeout);
    form->addRow(QString(), m_enabled);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    const auto updateTargetHint = [this] {
        const bool command = m_kind->currentData().toString() == k("Command");
        m_target->setPlaceholderText(command ? tr("Shell command; the event JSON arrives on stdin, exit 0 = success")
                                             : tr("http://host:port/path; a 2xx answer = success"));
    };
    updateTargetHint();
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this, updateTargetHint] {
        updateTargetHint();
        validate();
    });
    connect(m_name, &QLineEdit::textChanged, this, &TriggerDialog::validate);
    connect(m_target, &QLineEdit::textChanged, this, &TriggerDialog::validate);
    connect(m_failureFile, &QLineEdit::textChanged, this, &TriggerDialog::validate);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("On-failure file"), m_table + k("-failures.jsonl"),
                                                          tr("JSON Lines (*.jsonl)"));
        if (!path.isEmpty())
            m_failureFile->setText(path);
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!validationError().isEmpty())
            return;
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false); // until the server answers
        m_error->setError(QString());
        emit submitted(request());
    });
    validate();
}

QString TriggerDialog::validationError() const
{
    static const QRegularExpression validName(k("^[A-Za-z0-9_.-]{1,64}$"));
    if (!validName.match(m_name->text()).hasMatch())
        return tr("The name must be 1 to 64 letters, digits, '_', '-' or '.'");
    const QString target = m_target->text().trimmed();
    if (m_kind->currentData().toString() == k("Command")) {
        if (target.isEmpty())
            return tr("Enter the command to run");
    } else {
        const QUrl url(target, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != k("http") || url.host().isEmpty())
            return tr("Enter an http:// URL with a host (https is not supported)");
    }
    const QString file = m_failureFile->text().trimmed();
    if (!file.isEmpty() && !QFileInfo(QFileInfo(file).absolutePath()).isDir())
        return tr("The on-failure file's folder does not exist");
    return QString();
}

void TriggerDialog::validate()
{
    const QString error = validationError();
    m_error->setError(error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

void TriggerDialog::setError(const QString &message)
{
    m_error->setError(message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
}

QJsonObject TriggerDialog::request() const
{
    QJsonObject r{
        {k("TriggerName"), m_name->text()},
        {k("TableName"), m_table},
        {m_kind->currentData().toString(), m_target->text().trimmed()},
        {k("BatchSize"), m_batchSize->value()},
        {k("MaximumBatchingWindowInSeconds"), m_window->value()},
        {k("StartingPosition"), m_position->currentData().toString()},
        {k("MaximumRetryAttempts"), m_retries->value()},
        {k("BisectBatchOnFunctionError"), m_bisect->isChecked()},
        {k("TimeoutSeconds"), m_timeout->value()},
        {k("Enabled"), m_enabled->isChecked()},
    };
    if (!m_failureFile->text().trimmed().isEmpty())
        r.insert(k("OnFailureFile"), m_failureFile->text().trimmed());
    return r;
}

} // namespace dd::ui
