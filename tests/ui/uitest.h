// Shared setup of the GUI tests: an in-memory embedded engine behind an
// InProcessClient, wrapped in a ui::Connection, and small helpers that call
// the API synchronously to arrange and check data, and a check of the
// widgets' mnemonics.
#pragma once

#include "api/engine.h"
#include "client/inprocessclient.h"
#include "common/responses.h"
#include "connections/connection.h"

#include <QDir>
#include <QFuture>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QTest>

#include <memory>

namespace uitest {

// A client that answers like AWS and other endpoints: the calls of `inner`,
// but UnknownOperationException for Dynamodesk's own operations.
class WithoutDynamodeskOperations : public dd::client::Client {
public:
    explicit WithoutDynamodeskOperations(std::shared_ptr<dd::client::Client> inner) : m_inner(std::move(inner)) {}
    QFuture<dd::client::ApiResponse> call(const QString &operation, const QJsonObject &request) override
    {
        return QtFuture::makeReadyFuture(callSync(operation, request));
    }
    dd::client::ApiResponse callSync(const QString &operation, const QJsonObject &request) override
    {
        if (operation.startsWith(QLatin1String("Dynamodesk."))) {
            dd::client::ApiResponse r;
            r.error = dd::ApiError::unknownOperation(QStringLiteral("Unknown operation %1").arg(operation));
            return r;
        }
        return m_inner->callSync(operation, request);
    }
    QString region() const override { return m_inner->region(); }
    QString displayName() const override { return QStringLiteral("http://dynamodb.example:8000"); }

private:
    std::shared_ptr<dd::client::Client> m_inner;
};

inline std::unique_ptr<dd::ui::Connection> inMemoryConnection()
{
    dd::api::EngineOptions options;
    options.inMemory = true;
    auto engine = dd::api::Engine::open(options);
    if (!engine.ok())
        qFatal("cannot open the engine: %s", qPrintable(engine.error().message()));
    std::shared_ptr<dd::api::Engine> shared(std::move(*engine).release());
    auto client = std::make_shared<dd::client::InProcessClient>(shared, dd::api::RequestContext());
    dd::ui::ConnectionSettings settings;
    settings.inMemory = true;
    return std::make_unique<dd::ui::Connection>(settings, client, shared);
}

// The bytes of a data folder's region files and their WALs, as the file system counts them.
inline qint64 folderBytes(const QString &dir)
{
    qint64 total = 0;
    for (const QFileInfo &f : QDir(dir).entryInfoList({QStringLiteral("*.db"), QStringLiteral("*.db-wal")}, QDir::Files))
        total += f.size();
    return total;
}

inline QJsonObject S(const QString &v) { return {{QStringLiteral("S"), v}}; }
inline QJsonObject N(const QString &v) { return {{QStringLiteral("N"), v}}; }

// Creates an on-demand table with a string partition key and, if sort is set, a string sort key.
inline void createTable(dd::ui::Connection &c, const QString &table, const QString &pk, const QString &sk = QString())
{
    QJsonArray defs{QJsonObject{{QStringLiteral("AttributeName"), pk}, {QStringLiteral("AttributeType"), QStringLiteral("S")}}};
    QJsonArray schema{QJsonObject{{QStringLiteral("AttributeName"), pk}, {QStringLiteral("KeyType"), QStringLiteral("HASH")}}};
    if (!sk.isEmpty()) {
        defs.append(QJsonObject{{QStringLiteral("AttributeName"), sk}, {QStringLiteral("AttributeType"), QStringLiteral("S")}});
        schema.append(QJsonObject{{QStringLiteral("AttributeName"), sk}, {QStringLiteral("KeyType"), QStringLiteral("RANGE")}});
    }
    const auto r = c.callSync(QStringLiteral("CreateTable"),
                              QJsonObject{{QStringLiteral("TableName"), table}, {QStringLiteral("AttributeDefinitions"), defs},
                                          {QStringLiteral("KeySchema"), schema}, {QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")}});
    QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
}

inline void put(dd::ui::Connection &c, const QString &table, const QJsonObject &item)
{
    const auto r = c.callSync(QStringLiteral("PutItem"), QJsonObject{{QStringLiteral("TableName"), table}, {QStringLiteral("Item"), item}});
    QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
}

inline QJsonObject get(dd::ui::Connection &c, const QString &table, const QJsonObject &key)
{
    const auto r = c.callSync(QStringLiteral("GetItem"), QJsonObject{{QStringLiteral("TableName"), table}, {QStringLiteral("Key"), key}, {QStringLiteral("ConsistentRead"), true}});
    return r.body.value(QStringLiteral("Item")).toObject();
}

// Labels under `root` whose text marks a mnemonic ("&Data folder:") but that
// have no buddy: Qt then shows the '&' itself and Alt+D goes nowhere.
inline QStringList labelsWithoutBuddy(const QWidget *root)
{
    QStringList bad;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        QString text = label->text();
        text.replace(QLatin1String("&&"), QString());
        const qsizetype amp = text.indexOf(QLatin1Char('&'));
        if (label->textFormat() != Qt::RichText && amp >= 0 && amp + 1 < text.size() && text.at(amp + 1).isLetterOrNumber()
            && !label->buddy())
            bad << label->text();
    }
    return bad;
}

// The mnemonic letter of a text ("Strea&m:" -> "m"), or empty.
inline QString mnemonicOf(QString text)
{
    text.replace(QLatin1String("&&"), QString());
    const qsizetype amp = text.indexOf(QLatin1Char('&'));
    return amp >= 0 && amp + 1 < text.size() ? text.mid(amp + 1, 1).toLower() : QString();
}

// Mnemonics that two controls shown together share (Alt+letter then only
// moves the focus between them): labels with a buddy, buttons and group
// boxes that are visible now, and the items of each of `menus`. One entry
// per clash: "letter: text, text".
inline QStringList mnemonicClashes(const QWidget *root, const QList<QMenu *> &menus = {})
{
    QStringList clashes;
    const auto check = [&clashes](const QList<QString> &texts) {
        QMap<QString, QStringList> byLetter;
        for (const QString &t : texts)
            if (const QString m = mnemonicOf(t); !m.isEmpty())
                byLetter[m] << t;
        for (auto it = byLetter.begin(); it != byLetter.end(); ++it)
            if (it->size() > 1)
                clashes << it.key() + QLatin1String(": ") + it->join(QLatin1String(", "));
    };
    QList<QString> shown;
    for (const QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible() || w->window() != root)
            continue;
        if (const auto *label = qobject_cast<const QLabel *>(w); label && label->buddy() && label->textFormat() != Qt::RichText)
            shown << label->text();
        else if (const auto *button = qobject_cast<const QAbstractButton *>(w))
            shown << button->text();
        else if (const auto *box = qobject_cast<const QGroupBox *>(w))
            shown << box->title();
    }
    check(shown);
    for (const QMenu *menu : menus) {
        QList<QString> items;
        for (const QAction *a : menu->actions())
            if (a->isVisible() && !a->isSeparator())
                items << a->text();
        check(items);
    }
    return clashes;
}

} // namespace uitest
