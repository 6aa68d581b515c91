// benchutil.h: what the in-process benchmarks share: the keys and items of
// their tables, calls that must succeed, the engine on a data directory,
// percentiles and `--name VALUE` options. Header-only: each benchmark is one
// program of its own.
#pragma once

#include "api/engine.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

namespace dd::bench {

// The key of item i: "k00000042", fixed width so that keys sort by i.
inline QByteArray key(int i) { return QByteArray::number(i).rightJustified(8, '0').prepend('k'); }

// An item of the benchmarks' key-value table: {"pk": key, "n": n, "data": payload}.
inline QByteArray kvItem(const QByteArray &key, qint64 n, const QByteArray &payload)
{
    return R"({"pk":{"S":")" + key + R"("},"n":{"N":")" + QByteArray::number(n) + R"("},"data":{"S":")" + payload + R"("}})";
}

// A BatchWriteItem request that puts kvItem(key(pick(j)), version + j,
// payload) into table for j in [from, to) (at most 25; keys distinct).
template <typename Pick>
QByteArray kvBatch(const char *table, int from, int to, Pick pick, qint64 version, const QByteArray &payload)
{
    QByteArray batch = R"({"RequestItems":{")" + QByteArray(table) + R"(":[)";
    for (int j = from; j < to; ++j)
        batch += (j > from ? R"(,{"PutRequest":{"Item":)" : R"({"PutRequest":{"Item":)") + kvItem(key(pick(j)), version + j, payload) + "}}";
    return batch + "]}}";
}

// Calls op and returns its response. A failure is printed and ends the
// program with 1: a benchmark of a broken engine measures nothing.
inline QByteArray orDie(const char *op, Result<QByteArray> r)
{
    if (!r.ok()) {
        std::fprintf(stderr, "%s failed: %s: %s\n", op, qPrintable(r.error().type()), qPrintable(r.error().message()));
        std::exit(1);
    }
    return std::move(*r);
}

inline QByteArray callOrDie(api::Engine &e, const char *op, QByteArrayView body, const api::RequestContext &context = {})
{
    return orDie(op, e.call(context, QString::fromLatin1(op), body));
}

inline QJsonObject callOrDie(api::Engine &e, const char *op, const QJsonObject &request)
{
    return QJsonDocument::fromJson(orDie(op, e.call(api::RequestContext(), QString::fromLatin1(op), request))).object();
}

// The engine with these options, or the program ends with 1 and the reason.
inline std::unique_ptr<api::Engine> openOrDie(const api::EngineOptions &options)
{
    auto opened = api::Engine::open(options);
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message()));
        std::exit(1);
    }
    return std::move(*opened);
}

// The p-quantile (0 <= p <= 1) of the samples by nearest rank; 0 without samples.
inline double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    return samples[std::min(samples.size() - 1, size_t(p * double(samples.size())))];
}

// A benchmark's command line: each call takes its `--name VALUE` (or the
// switch `--name`) out of the arguments, if given; done() ends the program
// with 2 and the usage if anything was left or a value was not a number.
//
//   bench::Args(argc, argv, "usage: x [--items N]").value("--items", o.items).done();
class Args {
public:
    Args(int argc, char **argv, const char *usage)
        : m_usage(usage)
    {
        for (int i = 1; i < argc; ++i)
            m_args.append(QString::fromLocal8Bit(argv[i]));
    }

    Args &value(const char *name, int &out) { return take(name, [&](const QString &v) { bool ok; out = v.toInt(&ok); return ok; }); }
    Args &value(const char *name, qint64 &out) { return take(name, [&](const QString &v) { bool ok; out = v.toLongLong(&ok); return ok; }); }
    Args &value(const char *name, double &out) { return take(name, [&](const QString &v) { bool ok; out = v.toDouble(&ok); return ok; }); }
    Args &value(const char *name, QByteArray &out) { return take(name, [&](const QString &v) { out = v.toUtf8(); return true; }); }
    // A comma-separated list.
    Args &value(const char *name, QStringList &out) { return take(name, [&](const QString &v) { out = v.split(u','); return true; }); }
    Args &flag(const char *name, bool &out)
    {
        const qsizetype i = m_args.indexOf(QLatin1String(name));
        if (i >= 0) {
            out = true;
            m_args.removeAt(i);
        }
        return *this;
    }
    void done() const
    {
        if (m_args.isEmpty() && !m_bad)
            return;
        std::fprintf(stderr, "%s\n", m_usage);
        std::exit(2);
    }

private:
    template <typename Parse>
    Args &take(const char *name, Parse parse)
    {
        const qsizetype i = m_args.indexOf(QLatin1String(name));
        if (i < 0)
            return *this;
        if (i + 1 >= m_args.size() || !parse(m_args[i + 1]))
            m_bad = true;
        m_args.remove(i, std::min<qsizetype>(2, m_args.size() - i));
        return *this;
    }

    const char *m_usage;
    QStringList m_args;
    bool m_bad = false;
};

} // namespace dd::bench
