// The DAX wire protocol's harness, shared by the libFuzzer target
// (daxwire_fuzz.cpp) and daxwire_tst_requesthandler: an in-memory engine with
// tables Music (Artist S, SongTitle S) and Nums (h S, n N) and the DAX
// cluster c, and a RequestHandler serving c as a connection's would.
//
// An input is what a client sends after its preamble: up to kMaxRequests
// requests, each the service 1, a method id and that method's arguments, as
// bare CBOR items. runInput() answers each (authorizeConnection and
// endpoints concern the connection and are skipped) and reports, besides
// crashes and sanitizer reports:
// - an answer that is not one whole response: [] and the method's result
//   items, or an error's three items with its class;
// - a CborScanner that finds the items' ends elsewhere when the bytes come
//   one at a time than when they come at once.
// The first request that cannot be read ends the input, as it would close
// the connection.
#pragma once

#include "api/engine.h"
#include "daxwire/attributelists.h"
#include "daxwire/cbor.h"
#include "daxwire/daxmethods.h"
#include "daxwire/keyschemas.h"
#include "daxwire/requesthandler.h"

#include <memory>

namespace dd::fuzz {

constexpr int kMaxDaxRequests = 8;

// The number of items after [] in a method's result.
inline int daxResultItems(qint64 method)
{
    switch (method) {
    case daxwire::method::BatchGetItem: return 2;
    case daxwire::method::BatchWriteItem: return 3;
    default: return 1;
    }
}

// Whether `out` is one whole response: [] and `resultItems` items, or an error's three.
inline bool wellFormedDaxAnswer(const QByteArray &out, int resultItems, QString *why)
{
    qsizetype pos = 0;
    const auto first = daxwire::decodeCbor(out, &pos);
    if (!first || first->type != daxwire::CborValue::Array) {
        *why = QStringLiteral("no leading array: ") + QString::fromLatin1(out.toHex());
        return false;
    }
    const int rest = first->items.empty() ? resultItems : 2;
    for (int k = 0; k < rest; ++k)
        if (!daxwire::decodeCbor(out, &pos)) {
            *why = QStringLiteral("item %1 missing: ").arg(k + 1) + QString::fromLatin1(out.toHex());
            return false;
        }
    if (pos != out.size()) {
        *why = QStringLiteral("trailing bytes: ") + QString::fromLatin1(out.toHex());
        return false;
    }
    if (!first->items.empty() && first->items[0].toInt64().value_or(0) == 0) {
        *why = QStringLiteral("an error without its class: ") + QString::fromLatin1(out.toHex());
        return false;
    }
    return true;
}

class DaxWireHarness {
public:
    // Opens the engine and the fixture; an empty string, or what failed.
    QString open()
    {
        api::EngineOptions options;
        options.inMemory = true;
        options.ttlSweepIntervalMs = 0;
        options.changeLogPruneIntervalMs = 0;
        options.pitrMaintenanceIntervalMs = 0;
        auto engine = api::Engine::open(options);
        if (!engine.ok())
            return engine.error().message();
        m_engine = std::move(*engine);
        static const char *const setup[][2] = {
            {"CreateTable", "{'TableName': 'Music', 'BillingMode': 'PAY_PER_REQUEST', "
                            "'AttributeDefinitions': [{'AttributeName': 'Artist', 'AttributeType': 'S'}, {'AttributeName': 'SongTitle', 'AttributeType': 'S'}], "
                            "'KeySchema': [{'AttributeName': 'Artist', 'KeyType': 'HASH'}, {'AttributeName': 'SongTitle', 'KeyType': 'RANGE'}]}"},
            {"CreateTable", "{'TableName': 'Nums', 'BillingMode': 'PAY_PER_REQUEST', "
                            "'AttributeDefinitions': [{'AttributeName': 'h', 'AttributeType': 'S'}, {'AttributeName': 'n', 'AttributeType': 'N'}], "
                            "'KeySchema': [{'AttributeName': 'h', 'KeyType': 'HASH'}, {'AttributeName': 'n', 'KeyType': 'RANGE'}]}"},
            {"Dax.CreateCluster", "{'ClusterName': 'c', 'NodeType': 'dax.t3.small', 'ReplicationFactor': 1, "
                                  "'IamRoleArn': 'arn:aws:iam::000000000000:role/DAX'}"},
        };
        for (const auto &[op, json] : setup) {
            const auto r = m_engine->call(api::RequestContext(), QString::fromLatin1(op), QByteArray(json).replace('\'', '"'));
            if (!r.ok())
                return QStringLiteral("setup %1: %2").arg(QLatin1String(op), r.error().message());
        }
        m_lists = std::make_unique<daxwire::AttributeLists>();
        m_schemas = std::make_unique<daxwire::KeySchemas>(*m_engine);
        api::RequestContext context;
        context.daxCluster = QStringLiteral("c");
        m_handler = std::make_unique<daxwire::RequestHandler>(daxwire::RequestHandler::Shared{*m_engine, *m_lists, *m_schemas}, context);
        return {};
    }

    daxwire::AttributeLists &lists() { return *m_lists; }

    // The answer to the request at *pos of `stream` (moved past it); empty
    // when it cannot be read, or for authorizeConnection and endpoints. Its
    // method goes to *method.
    QByteArray answer(QByteArrayView stream, qsizetype *pos, qint64 *method = nullptr)
    {
        const auto service = daxwire::decodeCbor(stream, pos);
        const auto id = service ? daxwire::decodeCbor(stream, pos) : std::nullopt;
        if (!service || !id || service->toInt64() != 1 || daxwire::method::arity(id->toInt64().value_or(0)) < 0)
            return QByteArray();
        const qint64 m = *id->toInt64();
        std::vector<daxwire::CborValue> args;
        for (int k = 0; k < daxwire::method::arity(m); ++k) {
            auto a = daxwire::decodeCbor(stream, pos);
            if (!a)
                return QByteArray(); // the connection would close
            args.push_back(std::move(*a));
        }
        if (m == daxwire::method::AuthorizeConnection || m == daxwire::method::Endpoints)
            return QByteArray();
        if (method)
            *method = m;
        QByteArray out;
        m_handler->handle(m, args, &out);
        return out;
    }

    // Runs one input; an empty string, or the broken rule.
    QString runInput(QByteArrayView input)
    {
        if (const QString broken = scannerAgrees(input); !broken.isEmpty())
            return broken;
        qsizetype pos = 0;
        for (int n = 0; n < kMaxDaxRequests && pos < input.size(); ++n) {
            qint64 method = 0;
            const QByteArray out = answer(input, &pos, &method);
            if (out.isEmpty())
                return {};
            QString why;
            if (!wellFormedDaxAnswer(out, daxResultItems(method), &why))
                return why;
        }
        return {};
    }

private:
    // The items' ends, found by one scan of all the bytes and by scans of
    // the bytes arriving one at a time, must be the same.
    static QString scannerAgrees(QByteArrayView input)
    {
        const auto ends = [&](bool byteByByte) {
            std::vector<qsizetype> out;
            daxwire::CborScanner scanner;
            qsizetype available = byteByByte ? 0 : input.size();
            for (;;) {
                const auto status = scanner.scan(input.first(available));
                if (status == daxwire::CborScanner::Status::Complete) {
                    out.push_back(scanner.position());
                    scanner.reset(scanner.position());
                } else if (status == daxwire::CborScanner::Status::Invalid) {
                    out.push_back(-1);
                    return out;
                } else if (available == input.size()) {
                    return out;
                } else {
                    available = byteByByte ? available + 1 : input.size();
                }
            }
        };
        if (ends(false) != ends(true))
            return QStringLiteral("CborScanner finds other item ends byte by byte: ") + QString::fromLatin1(input.toByteArray().toHex());
        return {};
    }

    std::unique_ptr<api::Engine> m_engine;
    std::unique_ptr<daxwire::AttributeLists> m_lists;
    std::unique_ptr<daxwire::KeySchemas> m_schemas;
    std::unique_ptr<daxwire::RequestHandler> m_handler;
};

} // namespace dd::fuzz
