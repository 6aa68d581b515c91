// enginecalls.h: how the api tests talk to an engine. A test class derives
// from EngineCalls (after QObject) and opens m_engine; then
//   call(op, request)  the response as a JSON object, or the error;
//   ok(op, request)    for a call that must succeed: its response, or an
//                      empty object and a warning naming the error (the
//                      test's own checks then fail on it);
//   fail(op, request)  for a call that must fail: its error, or the error
//                      "none" when it succeeded;
//   waitActive(table)  for a table that becomes ACTIVE in the background.
// A request is a QJsonObject or JSON text. openQuiet() opens m_engine with
// no background upkeep (TTL sweeps, change-log pruning, PITR maintenance):
// the tests that need them drive them.
#pragma once

#include "api/engine.h"

#include <QDebug>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>
#include <memory>

namespace dd::test {

// JSON written with ' for " (easier to read in a test than escaped quotes);
// bad JSON warns and gives an empty object.
inline QJsonObject j(const char *text)
{
    QByteArray json(text);
    json.replace('\'', '"');
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (doc.isNull())
        qWarning() << "bad test JSON:" << error.errorString() << text;
    return doc.object();
}

// A test class deriving from this closes the engine in its own destructor
// (m_engine.reset()) when the engine uses its members, a clock or a folder:
// this base is destroyed after them, and the engine's background tasks
// (PITR, pruning) would meanwhile use what is gone (a PITR task once called
// a destroyed clock at exit: "pure virtual method called").
class EngineCalls {
protected:
    std::unique_ptr<api::Engine> m_engine;
    api::RequestContext m_ctx;

    // Closes the engine and opens one on dataDir (in memory when inMemory),
    // with the options `tune` sets besides; a failure fails the calling
    // test, with m_engine empty.
    void openQuiet(const QString &dataDir, bool inMemory = false, const std::function<void(api::EngineOptions &)> &tune = {})
    {
        m_engine.reset();
        api::EngineOptions o;
        o.dataDir = dataDir;
        o.inMemory = inMemory;
        o.ttlSweepIntervalMs = 0;
        o.changeLogPruneIntervalMs = 0;
        o.pitrMaintenanceIntervalMs = 0;
        o.insightsSaveIntervalMs = 0;
        if (tune)
            tune(o);
        auto e = api::Engine::open(o);
        QVERIFY2(e.ok(), e.ok() ? "" : qPrintable(e.error().message()));
        m_engine = std::move(*e);
    }

    // Waits (20 s at most) until DescribeTable says `table` is ACTIVE: a
    // restore's or a backfill's table; false if it never was.
    bool waitActive(const QString &table)
    {
        for (int i = 0; i < 2000; ++i) {
            if (ok("DescribeTable", QJsonObject{{QStringLiteral("TableName"), table}}).value(QStringLiteral("Table")).toObject()
                    .value(QStringLiteral("TableStatus")).toString() == QStringLiteral("ACTIVE"))
                return true;
            QTest::qWait(10);
        }
        return false;
    }

    Result<QJsonObject> call(const char *op, QByteArrayView json) { return object(m_engine->call(m_ctx, QString::fromLatin1(op), json)); }
    Result<QJsonObject> call(const char *op, const QJsonObject &request) { return object(m_engine->call(m_ctx, QString::fromLatin1(op), request)); }
    QJsonObject ok(const char *op, QByteArrayView json) { return okOf(op, call(op, json)); }
    QJsonObject ok(const char *op, const QJsonObject &request) { return okOf(op, call(op, request)); }
    ApiError fail(const char *op, QByteArrayView json) { return failOf(call(op, json)); }
    ApiError fail(const char *op, const QJsonObject &request) { return failOf(call(op, request)); }

private:
    static Result<QJsonObject> object(const Result<QByteArray> &r)
    {
        if (!r.ok())
            return r.error();
        return QJsonDocument::fromJson(*r).object();
    }
    static QJsonObject okOf(const char *op, const Result<QJsonObject> &r)
    {
        if (!r.ok())
            qWarning() << op << r.error().type() << r.error().message();
        return r.ok() ? *r : QJsonObject();
    }
    static ApiError failOf(const Result<QJsonObject> &r)
    {
        return r.ok() ? ApiError(QStringLiteral("none"), QStringLiteral("the call succeeded")) : r.error();
    }
};

} // namespace dd::test
