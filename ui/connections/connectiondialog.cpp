#include "connections/connectiondialog.h"

#include "client/awsprofile.h"
#include "common/errorlabel.h"
#include "common/formlayouts.h"
#include "connections/passphrasedialog.h"
#include "security/datadirkey.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>

#include <algorithm>

namespace dd::ui {

ConnectionDialog::ConnectionDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("New connection"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(QIcon(QStringLiteral(":/dynamodesk/icons/database.svg")), tr("Embedded database"));
    m_kind->addItem(QIcon(QStringLiteral(":/dynamodesk/icons/connection.svg")), tr("Endpoint (URL)"));
    m_kind->addItem(QIcon(QStringLiteral(":/dynamodesk/icons/region.svg")), tr("AWS (profile and region)"));
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("optional"));
    m_region = new QLineEdit(this);
    m_region->setPlaceholderText(tr("us-east-1, or the profile's region"));
    m_region->setObjectName(QStringLiteral("region"));

    // Embedded
    auto *embedded = new QWidget;
    auto *ef = new QFormLayout(embedded);
    ef->setContentsMargins(0, 0, 0, 0);
    m_dataDir = new QLineEdit(ConnectionSettings::defaultDataDir(), this);
    m_dataDir->setObjectName(QStringLiteral("dataDir"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_dataDir, 1);
    dirRow->addWidget(browse);
    // A row of a layout gets no buddy from addRow(): without one, the
    // label would show its '&' instead of underlining the D.
    auto *dirLabel = new QLabel(tr("&Data folder:"), this);
    dirLabel->setBuddy(m_dataDir);
    ef->addRow(dirLabel, dirRow);
    m_inMemory = new QCheckBox(tr("Keep everything in &memory (nothing is written to disk)"), this);
    m_inMemory->setObjectName(QStringLiteral("inMemory"));
    ef->addRow(QString(), m_inMemory);
    // Encryption at rest (security/datadirkey.h): the passphrase wraps the
    // folder's data key; it is never saved, only the flag.
    m_encrypt = new QCheckBox(tr("&Encrypt the data folder (AES-256)"), this);
    m_encrypt->setObjectName(QStringLiteral("encrypt"));
    m_encrypt->setToolTip(tr("Databases, logs and backups are written encrypted. The passphrase is not saved: it is asked for "
                             "when the folder opens. Without it the data cannot be read; nobody can recover it."));
    ef->addRow(QString(), m_encrypt);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    ef->addRow(tr("&Passphrase:"), m_passphrase);
    m_confirmPassphrase = new QLineEdit(this);
    m_confirmPassphrase->setObjectName(QStringLiteral("confirmPassphrase"));
    m_confirmPassphrase->setEchoMode(QLineEdit::Password);
    ef->addRow(tr("Con&firm passphrase:"), m_confirmPassphrase);
    m_encryptionError = new ErrorLabel(this);
    m_encryptionError->setObjectName(QStringLiteral("encryptionError"));
    ef->addRow(QString(), m_encryptionError);
    m_serve = new QCheckBox(tr("&Serve this database on 127.0.0.1, port"), this);
    m_serve->setObjectName(QStringLiteral("serve"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_port->setValue(8000);
    m_port->setToolTip(tr("0 picks a free port"));
    auto *serveRow = new QHBoxLayout;
    serveRow->addWidget(m_serve);
    serveRow->addWidget(m_port);
    serveRow->addStretch();
    ef->addRow(QString(), serveRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data folder"), m_dataDir->text());
        if (!dir.isEmpty())
            m_dataDir->setText(dir);
    });
    connect(m_inMemory, &QCheckBox::toggled, m_dataDir, &QWidget::setDisabled);
    connect(m_inMemory, &QCheckBox::toggled, browse, &QWidget::setDisabled);
    connect(m_inMemory, &QCheckBox::toggled, this, &ConnectionDialog::updateEncryptionFields);
    connect(m_encrypt, &QCheckBox::toggled, this, &ConnectionDialog::updateEncryptionFields);
    for (QLineEdit *edit : {m_dataDir, m_passphrase, m_confirmPassphrase})
        connect(edit, &QLineEdit::textEdited, m_encryptionError, [this] { m_encryptionError->setError(QString()); });
    updateEncryptionFields();

    // Endpoint
    auto *endpoint = new QWidget;
    auto *pf = new QFormLayout(endpoint);
    pf->setContentsMargins(0, 0, 0, 0);
    m_url = new QLineEdit(QStringLiteral("http://127.0.0.1:8000"), this);
    pf->addRow(tr("&URL:"), m_url);
    // Keys for an endpoint that checks signatures (dynamodesk-server --auth);
    // empty: fixed local keys, which endpoints that check nothing accept.
    m_endpointProfile = new QComboBox(this);
    m_endpointProfile->setObjectName(QStringLiteral("endpointProfile"));
    m_endpointProfile->setEditable(true);
    m_endpointProfile->addItem(QString());
    m_endpointProfile->addItems(client::AwsProfiles().profileNames());
    m_endpointProfile->lineEdit()->setPlaceholderText(tr("none: local keys, for endpoints that check no signature"));
    m_endpointProfile->setToolTip(tr("The AWS profile whose access key signs the requests, for an endpoint that checks signatures "
                                     "(dynamodesk-server --auth)"));
    pf->addRow(tr("Keys from pro&file:"), m_endpointProfile);

    // AWS
    auto *aws = new QWidget;
    auto *af = new QFormLayout(aws);
    af->setContentsMargins(0, 0, 0, 0);
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->setEditable(true);
    m_profile->addItems(client::AwsProfiles().profileNames());
    m_profile->setToolTip(tr("Profiles from %1 and %2").arg(client::AwsProfiles().configPath(), client::AwsProfiles().credentialsPath()));
    af->addRow(tr("&Profile:"), m_profile);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(embedded);
    m_pages->addWidget(endpoint);
    m_pages->addWidget(aws);
    connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);
    // Only an AWS connection has a profile whose region applies.
    const auto regionHint = [this](int kind) {
        m_region->setPlaceholderText(kind == int(ConnectionSettings::Kind::Aws) ? tr("us-east-1, or the profile's region") : tr("us-east-1"));
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, regionHint);
    regionHint(m_kind->currentIndex());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(m_pages);
    form->addRow(tr("&Region:"), m_region);
    form->addRow(buttons);
    alignLabelColumns({form, ef, pf, af});
    resize(560, sizeHint().height());
}

ConnectionSettings ConnectionDialog::settings() const
{
    ConnectionSettings s;
    s.kind = ConnectionSettings::Kind(m_kind->currentIndex());
    s.name = m_name->text().trimmed();
    s.dataDir = m_dataDir->text().trimmed();
    s.inMemory = m_inMemory->isChecked();
    s.encrypted = encrypting();
    s.serve = m_serve->isChecked();
    s.port = quint16(m_port->value());
    s.url = m_url->text().trimmed();
    s.profile = m_profile->currentText().trimmed();
    s.endpointProfile = m_endpointProfile->currentText().trimmed();
    s.region = m_region->text().trimmed(); // empty: us-east-1, or for AWS the profile's
    return s;
}

void ConnectionDialog::setSettings(const ConnectionSettings &s)
{
    m_kind->setCurrentIndex(int(s.kind));
    m_name->setText(s.name);
    m_dataDir->setText(s.dataFolder());
    m_inMemory->setChecked(s.inMemory);
    m_encrypt->setChecked(s.encrypted);
    m_serve->setChecked(s.serve);
    m_port->setValue(s.port);
    m_url->setText(s.url);
    m_profile->setCurrentText(s.profile);
    m_endpointProfile->setCurrentText(s.endpointProfile);
    m_region->setText(s.region);
}

QByteArray ConnectionDialog::passphrase() const
{
    return encrypting() ? m_passphrase->text().toUtf8() : QByteArray();
}

bool ConnectionDialog::encrypting() const
{
    return m_kind->currentIndex() == int(ConnectionSettings::Kind::Embedded) && !m_inMemory->isChecked() && m_encrypt->isChecked();
}

void ConnectionDialog::updateEncryptionFields()
{
    m_encrypt->setEnabled(!m_inMemory->isChecked());
    m_passphrase->setEnabled(encrypting());
    m_confirmPassphrase->setEnabled(encrypting());
    if (!encrypting())
        m_encryptionError->setError(QString());
}

void ConnectionDialog::accept()
{
    if (encrypting()) {
        QString why = PassphraseDialog::choiceError(m_passphrase->text(), m_confirmPassphrase->text());
        // A folder of data in the clear is converted by Encrypt data
        // folder… (with progress), not silently while it opens.
        const QString folder = settings().dataFolder();
        if (why.isEmpty() && !security::DataDirKey::isEncrypted(folder)
            && !QDir(folder).entryList({QStringLiteral("*.db")}, QDir::Files).isEmpty())
            why = tr("%1 already holds data in the clear. Connect without encryption, then choose Encrypt data folder… "
                     "in the connection's menu.").arg(folder);
        if (!why.isEmpty()) {
            m_encryptionError->setError(why);
            // A shown window keeps its height: make room for a message that wraps.
            layout()->activate();
            resize(width(), std::max(height(), layout()->totalHeightForWidth(width())));
            m_passphrase->setFocus();
            return;
        }
    }
    QDialog::accept();
}

} // namespace dd::ui
