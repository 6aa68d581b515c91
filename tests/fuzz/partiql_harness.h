// The PartiQL fuzzer's input, run through the request harness's engine and
// rules (request_harness.h: no InternalServerError, a rejected request
// changes nothing, answers are JSON objects). Shared by the libFuzzer target
// (partiql_fuzz.cpp) and the corpus replay test in the normal build
// (tests/engine/api/tst_partiqlcorpus.cpp).
//
// An input is PartiQL text: up to four statements separated by ';' over the
// harness's tables (tab: pk S, sk N, GSI gsi, LSI lsi; hsh: id B). Each `?`
// takes a parameter from a fixed list in turn (a string, a number, a
// binary, a string set; from the binary on in a statement naming hsh), so
// that statements with parameters run. Its first
// byte, modulo 3, picks how they run: each by ExecuteStatement, its pages
// (Limit 2) followed through NextToken; all in one BatchExecuteStatement;
// or all in one ExecuteTransaction.
#pragma once

#include "request_harness.h"

namespace dd::fuzz {

inline QJsonObject partiqlStatement(const QString &text)
{
    static const QJsonObject values[] = {
        QJsonObject{{QStringLiteral("S"), QStringLiteral("a")}},
        QJsonObject{{QStringLiteral("N"), QStringLiteral("1")}},
        QJsonObject{{QStringLiteral("B"), QStringLiteral("AQI=")}},
        QJsonObject{{QStringLiteral("SS"), QJsonArray{QStringLiteral("p")}}},
    };
    QJsonObject s{{QStringLiteral("Statement"), text}};
    QJsonArray parameters;
    // hsh's key is binary: its statements start with the binary value.
    const int first = text.contains(QLatin1String("hsh")) ? 2 : 0;
    for (qsizetype i = 0, n = text.count(QLatin1Char('?')); i < n && i < 64; ++i)
        parameters.append(values[(first + i) % 4]);
    if (!parameters.isEmpty())
        s.insert(QStringLiteral("Parameters"), parameters);
    return s;
}

// Runs one input; an empty string, or the broken rule.
inline QString runPartiqlInput(RequestHarness &harness, QByteArrayView input, QStringList *outcomes = nullptr)
{
    if (input.isEmpty())
        return {};
    const int mode = quint8(input[0]) % 3;
    QStringList texts = QString::fromUtf8(input.sliced(1)).split(QLatin1Char(';'));
    while (texts.size() > kMaxRequests)
        texts.removeLast();
    auto body = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
    if (mode == 0) {
        for (const QString &text : texts) {
            QJsonObject request = partiqlStatement(text);
            request.insert(QStringLiteral("Limit"), 2);
            for (int page = 0; page < 8; ++page) {
                QByteArray answer;
                if (const QString broken = harness.runRequest(QStringLiteral("ExecuteStatement"), body(request), outcomes, &answer);
                    !broken.isEmpty())
                    return broken;
                const QJsonValue token = QJsonDocument::fromJson(answer).object().value(QStringLiteral("NextToken"));
                if (!token.isString())
                    break;
                request.insert(QStringLiteral("NextToken"), token);
            }
        }
    } else {
        QJsonArray statements;
        for (const QString &text : texts)
            statements.append(partiqlStatement(text));
        const bool batch = mode == 1;
        const QJsonObject request{{batch ? QStringLiteral("Statements") : QStringLiteral("TransactStatements"), statements}};
        if (const QString broken = harness.runRequest(batch ? QStringLiteral("BatchExecuteStatement") : QStringLiteral("ExecuteTransaction"),
                                                      body(request), outcomes);
            !broken.isEmpty())
            return broken;
    }
    return harness.finish();
}

} // namespace dd::fuzz
