// Real servers and the real AWS CLI for the GUI tests: a dynamodesk-server
// (in memory, on a free port of 127.0.0.1, stopped by the destructor),
// dynalite from tests/bench/node_modules when it is installed (the foreign
// endpoint), and `aws dynamodb ...` (/usr/bin/aws) against any endpoint.
#pragma once

#include "connections/connection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace uitest {

class ServerProcess {
public:
    ~ServerProcess() { stop(); }

    // dynamodesk-server --in-memory --port 0 and `extraArgs`; the port is read from its first line.
    bool startDynamodesk(QString *error, const QStringList &extraArgs = {})
    {
        m_process.setProgram(QStringLiteral(DD_SERVER_BINARY));
        m_process.setArguments(QStringList{QStringLiteral("--in-memory"), QStringLiteral("--port"), QStringLiteral("0")} + extraArgs);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            *error = m_process.errorString();
            return false;
        }
        static const QRegularExpression listening(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)"));
        QByteArray out;
        while (m_process.waitForReadyRead(10000)) {
            out += m_process.readAll();
            const auto m = listening.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                m_port = quint16(m.captured(1).toUInt());
                return true;
            }
        }
        *error = QStringLiteral("dynamodesk-server did not say where it listens: %1").arg(QString::fromUtf8(out));
        return false;
    }

    static QString dynalitePath() { return QStringLiteral(DD_SOURCE_DIR "/tests/bench/node_modules/.bin/dynalite"); }

    // dynalite on a free port, in memory, tables ACTIVE at once.
    bool startDynalite(QString *error)
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
        probe.close();
        m_process.setProgram(dynalitePath());
        m_process.setArguments({QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(m_port),
                                QStringLiteral("--createTableMs"), QStringLiteral("0"), QStringLiteral("--deleteTableMs"), QStringLiteral("0"),
                                QStringLiteral("--updateTableMs"), QStringLiteral("0")});
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            *error = m_process.errorString();
            return false;
        }
        for (int i = 0; i < 100; ++i) { // node takes a moment to listen
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            if (s.waitForConnected(200))
                return true;
            QTest::qWait(100);
        }
        *error = QStringLiteral("dynalite did not start listening");
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// A ui::Connection to an endpoint URL, through HttpClient, as the connection dialog makes it.
inline std::unique_ptr<dd::ui::Connection> endpointConnection(const QString &url)
{
    dd::ui::ConnectionSettings settings;
    settings.kind = dd::ui::ConnectionSettings::Kind::Endpoint;
    settings.url = url;
    QString error;
    auto c = dd::ui::Connection::open(settings, &error);
    if (!c)
        qFatal("cannot connect to %s: %s", qPrintable(url), qPrintable(error));
    return c;
}

// Runs `aws dynamodb <args> --endpoint-url URL` with dummy keys; returns its
// JSON output (empty for none) and fails the test if the CLI fails.
inline QJsonObject aws(const QString &endpoint, const QStringList &args, bool *ok = nullptr)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("test"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("test"));
    env.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("us-east-1"));
    env.insert(QStringLiteral("AWS_PAGER"), QString());
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("/dev/null"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/usr/bin/aws"), QStringList{QStringLiteral("dynamodb")} + args
                                               + QStringList{QStringLiteral("--endpoint-url"), endpoint, QStringLiteral("--output"), QStringLiteral("json")});
    // The CLI takes a second or two to start; keep the event loop turning meanwhile.
    while (p.state() != QProcess::NotRunning && !p.waitForFinished(50))
        QCoreApplication::processEvents();
    const bool good = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (ok)
        *ok = good;
    if (!good)
        qWarning("aws %s failed: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace uitest
