// ConnectionDialog: asks for a new connection's settings: Embedded (data
// folder or in memory, optionally encrypted at rest with a passphrase,
// optionally served on 127.0.0.1:PORT), Endpoint (URL of dynamodesk-server,
// DynamoDB Local, dynalite, ...) or AWS (a profile from ~/.aws/config and
// ~/.aws/credentials, and a region). OK accepts only valid choices; what is
// wrong shows beside the field.
#pragma once

#include "connections/connectionsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace dd::ui {

class ErrorLabel;

class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ConnectionSettings settings() const;
    void setSettings(const ConnectionSettings &settings);
    // The passphrase of an Embedded folder to encrypt (settings().encrypted),
    // in UTF-8; empty otherwise. It is not part of the settings, which are
    // saved: the caller keeps it in memory only.
    QByteArray passphrase() const;

    void accept() override; // only once the encryption fields are valid

private:
    bool encrypting() const; // Embedded, on disk, "Encrypt" checked
    void updateEncryptionFields();

    QComboBox *m_kind;
    QLineEdit *m_name;
    QStackedWidget *m_pages;
    QLineEdit *m_dataDir;
    QCheckBox *m_inMemory;
    QCheckBox *m_encrypt;
    QLineEdit *m_passphrase;
    QLineEdit *m_confirmPassphrase;
    ErrorLabel *m_encryptionError;
    QCheckBox *m_serve;
    QSpinBox *m_port;
    QLineEdit *m_url;
    QComboBox *m_profile;
    QComboBox *m_endpointProfile;
    QLineEdit *m_region;
};

} // namespace dd::ui
