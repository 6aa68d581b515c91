// ConnectionDialog: asks for a new connection's settings: Embedded (data
// folder or in memory, optionally served on 127.0.0.1:PORT), Endpoint (URL
// of dynamodesk-server, DynamoDB Local, dynalite, ...) or AWS (a profile
// from ~/.aws/config and ~/.aws/credentials, and a region).
#pragma once

#include "connections/connectionsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace dd::ui {

class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ConnectionSettings settings() const;
    void setSettings(const ConnectionSettings &settings);

private:
    QComboBox *m_kind;
    QLineEdit *m_name;
    QStackedWidget *m_pages;
    QLineEdit *m_dataDir;
    QCheckBox *m_inMemory;
    QCheckBox *m_serve;
    QSpinBox *m_port;
    QLineEdit *m_url;
    QComboBox *m_profile;
    QComboBox *m_endpointProfile;
    QLineEdit *m_region;
};

} // namespace dd::ui
