// Exports to and imports from S3 (local buckets) through Engine::call, with
// a ManualClock: full exports in DynamoDB JSON and Ion (AWS's files, their
// manifests and checksums, the state at ExportTime), incremental exports
// (every kind of change, both view types), imports of each format and
// compression (an export read back; CSV with its options; bad lines,
// duplicates and their counts; a missing bucket; a prefix matching nothing),
// the listings and their pages, ClientToken reuse, AWS's errors (changing
// nothing), and a restart that cuts an import short. The readers and
// writers (gzip, zstd, Ion, CSV) are tested on their own first.
#include "enginecalls.h"

#include "migration/compression.h"
#include "migration/csv.h"
#include "migration/ion.h"
#include "model/clock.h"
#include "model/json.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QUuid>

#include <thread>
#include <QThread>

#include <zstd.h>

using namespace dd;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }
QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }
QJsonObject S(const QString &v) { return {{s("S"), v}}; }
QJsonObject N(const QString &v) { return {{s("N"), v}}; }

constexpr qint64 kStart = 1'700'000'000'000;
constexpr qint64 kMinute = 60'000;

} // namespace

class TstMigration : public QObject, public test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TstMigration() override { m_engine.reset(); }

    QTemporaryDir m_dir;
    ManualClock m_clock{kStart};
    QString m_dataDir;
    QString m_s3;

    void open(int perFile = 100000, bool keepData = false)
    {
        m_engine.reset();
        if (!keepData)
            m_clock.setMs(kStart);
        if (!keepData)
            m_dataDir = m_dir.path() + QStringLiteral("/data") + QString::number(QRandomGenerator::global()->generate());
        m_s3 = m_dataDir + QStringLiteral("/s3");
        api::EngineOptions o;
        o.dataDir = m_dataDir;
        o.clock = &m_clock;
        o.ttlSweepIntervalMs = 0;
        o.changeLogPruneIntervalMs = 0;
        o.pitrMaintenanceIntervalMs = 0;
        o.exportItemsPerFile = perFile;
        auto e = api::Engine::open(o);
        QVERIFY2(e.ok(), e.ok() ? "" : qPrintable(e.error().message()));
        m_engine = std::move(*e);
        QCOMPARE(m_engine->bucketsFolder(), QDir(m_s3).absolutePath());
    }

    void makeBucket(const char *name) { QVERIFY(QDir().mkpath(m_s3 + QLatin1Char('/') + s(name))); }

    void createTable(const char *name)
    {
        ok("CreateTable", QByteArray("{\"TableName\":\"") + name + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                          "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},"
                          "{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                          "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                          "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                          "\"Projection\":{\"ProjectionType\":\"ALL\"}}]}");
    }
    void enablePitr(const char *table)
    {
        ok("UpdateContinuousBackups", QJsonObject{{s("TableName"), s(table)},
                                                  {s("PointInTimeRecoverySpecification"), QJsonObject{{s("PointInTimeRecoveryEnabled"), true}}}});
    }
    QString arnOf(const char *table) { return s("arn:aws:dynamodb:us-east-1:000000000000:table/") + s(table); }

    void put(const char *table, const QString &pk, int sk, const QString &v)
    {
        ok("PutItem", QJsonObject{{s("TableName"), s(table)},
                                  {s("Item"), QJsonObject{{s("pk"), S(pk)}, {s("sk"), N(QString::number(sk))}, {s("g"), S(v.left(2))}, {s("v"), S(v)}}}});
    }
    // An item with every attribute type.
    QJsonObject richItem(int i)
    {
        return QJsonObject{{s("pk"), S(QStringLiteral("rich%1").arg(i))},
                           {s("sk"), N(QStringLiteral("%1.25").arg(i))},
                           {s("g"), S(s("ri"))},
                           {s("str"), S(QStringLiteral("quote \" backslash \\ newline \n tab \t unicode \u00e9\u4e16 %1").arg(i))},
                           {s("num"), N(s("-12345678901234567890.123456789"))},
                           {s("big"), N(s("1E+100"))},
                           {s("tiny"), N(s("0.000001"))},
                           {s("hundred"), N(s("600"))},
                           {s("bin"), QJsonObject{{s("B"), s("AAEC/w==")}}},
                           {s("yes"), QJsonObject{{s("BOOL"), true}}},
                           {s("nothing"), QJsonObject{{s("NULL"), true}}},
                           {s("ss"), QJsonObject{{s("SS"), QJsonArray{s("a"), s("b c")}}}},
                           {s("ns"), QJsonObject{{s("NS"), QJsonArray{s("1"), s("2.5"), s("-3")}}}},
                           {s("bs"), QJsonObject{{s("BS"), QJsonArray{s("AQ=="), s("Ag==")}}}},
                           {s("list"), QJsonObject{{s("L"), QJsonArray{S(s("x")), N(s("7")), QJsonObject{{s("M"), QJsonObject{{s("in"), S(s("y"))}}}}}}}},
                           {s("odd name-with.dots"), S(s("quoted symbol"))},
                           {s("null"), S(s("a keyword as a name"))},
                           {s("map"), QJsonObject{{s("M"), QJsonObject{{s("deep"), QJsonObject{{s("M"), QJsonObject{{s("er"), N(s("1"))}}}}}}}}}};
    }

    // Every item of `table`, sorted, as compact JSON lines; an error as its text.
    QStringList items(const QString &table)
    {
        QStringList out;
        QJsonObject start;
        do {
            QJsonObject req{{s("TableName"), table}, {s("ConsistentRead"), true}};
            if (!start.isEmpty())
                req.insert(s("ExclusiveStartKey"), start);
            auto r = call("Scan", req);
            if (!r.ok())
                return {r.error().type() + s(": ") + r.error().message()};
            for (const auto &v : r->value(s("Items")).toArray())
                out << QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
            start = r->value(s("LastEvaluatedKey")).toObject();
        } while (!start.isEmpty());
        out.sort();
        return out;
    }

    // Waits for an export or import to leave IN_PROGRESS; its description.
    QJsonObject waitFor(const char *describe, const char *arnMember, const QString &arn)
    {
        const QString member = QString::fromLatin1(describe) == u"DescribeExport" ? s("ExportDescription") : s("ImportTableDescription");
        const QString status = member == u"ExportDescription" ? s("ExportStatus") : s("ImportStatus");
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            const QJsonObject d = ok(describe, QJsonObject{{s(arnMember), arn}}).value(member).toObject();
            if (d.value(status).toString() != u"IN_PROGRESS" || timer.elapsed() > 60000)
                return d;
            QThread::msleep(10);
        }
    }
    QJsonObject exportAndWait(const QJsonObject &req)
    {
        const QJsonObject d = ok("ExportTableToPointInTime", req).value(s("ExportDescription")).toObject();
        if (d.value(s("ExportStatus")).toString() != u"IN_PROGRESS")
            qWarning() << "export did not start" << d;
        return waitFor("DescribeExport", "ExportArn", d.value(s("ExportArn")).toString());
    }
    QJsonObject importAndWait(const QJsonObject &req)
    {
        const QJsonObject d = ok("ImportTable", req).value(s("ImportTableDescription")).toObject();
        return waitFor("DescribeImport", "ImportArn", d.value(s("ImportArn")).toString());
    }
    QJsonObject importRequest(const char *table, const char *bucket, const QString &prefix, const char *format, const char *compression,
                              const QJsonObject &extra = {})
    {
        QJsonObject req{{s("ClientToken"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                        {s("S3BucketSource"), QJsonObject{{s("S3Bucket"), s(bucket)}, {s("S3KeyPrefix"), prefix}}},
                        {s("InputFormat"), s(format)},
                        {s("InputCompressionType"), s(compression)},
                        {s("TableCreationParameters"),
                         QJsonObject{{s("TableName"), s(table)},
                                     {s("BillingMode"), s("PAY_PER_REQUEST")},
                                     {s("AttributeDefinitions"), QJsonArray{QJsonObject{{s("AttributeName"), s("pk")}, {s("AttributeType"), s("S")}},
                                                                            QJsonObject{{s("AttributeName"), s("sk")}, {s("AttributeType"), s("N")}},
                                                                            QJsonObject{{s("AttributeName"), s("g")}, {s("AttributeType"), s("S")}}}},
                                     {s("KeySchema"), QJsonArray{QJsonObject{{s("AttributeName"), s("pk")}, {s("KeyType"), s("HASH")}},
                                                                 QJsonObject{{s("AttributeName"), s("sk")}, {s("KeyType"), s("RANGE")}}}},
                                     {s("GlobalSecondaryIndexes"),
                                      QJsonArray{QJsonObject{{s("IndexName"), s("byG")},
                                                             {s("KeySchema"), QJsonArray{QJsonObject{{s("AttributeName"), s("g")}, {s("KeyType"), s("HASH")}}}},
                                                             {s("Projection"), QJsonObject{{s("ProjectionType"), s("ALL")}}}}}}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            req.insert(it.key(), it.value());
        return req;
    }

    QByteArray readFile(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return QByteArray("missing: ") + path.toUtf8();
        return f.readAll();
    }
    void writeFile(const QString &path, const QByteArray &bytes)
    {
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }
    // The files under `dir`, relative to it, sorted.
    QStringList filesUnder(const QString &dir)
    {
        QStringList out;
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            out << it.next().mid(dir.size() + 1);
        out.sort();
        return out;
    }
    // The lines of every data file of a completed export, from its manifests.
    QList<QByteArray> exportLines(const QString &bucket, const QJsonObject &desc)
    {
        const QString root = m_s3 + QLatin1Char('/') + bucket + QLatin1Char('/');
        const QJsonObject summary = QJsonDocument::fromJson(readFile(root + desc.value(s("ExportManifest")).toString())).object();
        QList<QByteArray> lines;
        for (const QByteArray &line : readFile(root + summary.value(s("manifestFilesS3Key")).toString()).split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject f = QJsonDocument::fromJson(line).object();
            auto text = migration::gunzip(readFile(root + f.value(s("dataFileS3Key")).toString()), 1 << 30);
            if (!text.ok())
                return {text.error().message().toUtf8()};
            for (const QByteArray &l : text->split('\n'))
                if (!l.isEmpty())
                    lines << l;
        }
        return lines;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void gzipAndZstd()
    {
        QByteArray data;
        for (int i = 0; i < 100000; ++i)
            data += QByteArray::number(i) + ' ';
        const QByteArray gz = migration::gzip(data);
        QVERIFY(gz.size() < data.size() / 2);
        QCOMPARE(migration::gunzip(gz, 1 << 30).value(), data);
        // Two members in one file read as one text, as gzip(1) does.
        QCOMPARE(migration::gunzip(gz + migration::gzip("tail"), 1 << 30).value(), data + "tail");
        QCOMPARE(migration::gunzip(migration::gzip(QByteArray()), 100).value(), QByteArray());
        QVERIFY(!migration::gunzip(gz.left(gz.size() / 2), 1 << 30).ok());
        QByteArray corrupt = gz;
        corrupt[corrupt.size() / 2] = char(corrupt[corrupt.size() / 2] ^ 0x55);
        QVERIFY(!migration::gunzip(corrupt, 1 << 30).ok());
        QVERIFY(!migration::gunzip("plain text, not gzip", 1 << 30).ok());
        QVERIFY(migration::gunzip(gz, 1000).error().message().contains(s("inflates past")));

        QByteArray zst(qsizetype(ZSTD_compressBound(size_t(data.size()))), '\0');
        zst.resize(qsizetype(ZSTD_compress(zst.data(), size_t(zst.size()), data.constData(), size_t(data.size()), 3)));
        QCOMPARE(migration::unzstd(zst, 1 << 30).value(), data);
        QVERIFY(!migration::unzstd(zst.left(zst.size() - 7), 1 << 30).ok());
        QVERIFY(!migration::unzstd("not zstd at all", 1 << 30).ok());
        QVERIFY(!migration::unzstd(zst, 1000).ok());
    }

    void ionWriteAndRead()
    {
        // Every type out and back: the reader's DynamoDB JSON parses to the same item.
        const model::Item item = model::itemFromJson(richItem(1)).value();
        QByteArray ion;
        migration::writeIonItem(item, ion);
        QVERIFY2(ion.contains("ss:$dynamodb_SS::[\"a\",\"b c\"]"), ion.constData());
        QVERIFY2(ion.contains("hundred:600."), ion.constData());
        QVERIFY2(ion.contains("bin:{{AAEC/w==}}"), ion.constData());
        QVERIFY2(ion.contains("'odd name-with.dots':") && ion.contains("'null':"), ion.constData());
        QList<QJsonValue> values;
        QVERIFY(migration::readIon("$ion_1_0 " + ion + "\n", [&](const QJsonValue &v, int) {
                    values << v;
                    return true;
                }).ok());
        QCOMPARE(values.size(), 1);
        const model::Item back = model::itemFromJson(values[0].toObject().value(s("M"))).value();
        QVERIFY(back == item);

        // AWS's documented export line.
        const QByteArray aws = "$ion_1_0 {Item:{Authors:$dynamodb_SS::[\"Author1\",\"Author2\"],Dimensions:\"8.5 x 11.0 x 1.5\",ISBN:\"333-3333333333\","
                               "Id:103.,InPublication:false,PageCount:6d2,Price:2d3,ProductCategory:\"Book\",Title:\"Book 103 Title\"}}";
        values.clear();
        QVERIFY(migration::readIon(aws, [&](const QJsonValue &v, int) {
                    values << v;
                    return true;
                }).ok());
        QCOMPARE(values.size(), 1);
        const model::Item book = model::itemFromJson(values[0].toObject().value(s("M")).toObject().value(s("Item")).toObject().value(s("M"))).value();
        QCOMPARE(book.at(s("PageCount")).asNumber().toString(), s("600"));
        QCOMPARE(book.at(s("Price")).asNumber().toString(), s("2000"));
        QCOMPARE(book.at(s("Id")).asNumber().toString(), s("103"));
        QCOMPARE(book.at(s("Authors")).asStringSet().size(), size_t(2));
        QCOMPARE(book.at(s("InPublication")).asBool(), false);

        // Ion's other spellings: comments, long strings, typed nulls, ints, escapes.
        values.clear();
        QVERIFY(migration::readIon("// a comment\n{a: '''long ''' '''string''', /* c */ b: null.string, c: 1_000, d: \"\\u00e9\\x41\", e: -0x10, f: 1.5e3}",
                                   [&](const QJsonValue &v, int) {
                                       values << v;
                                       return true;
                                   }).ok());
        const model::Item other = model::itemFromJson(values.value(0).toObject().value(s("M"))).value();
        QCOMPARE(other.at(s("a")).asString(), s("long string"));
        QVERIFY(other.at(s("b")).is(model::AttrType::NUL));
        QCOMPARE(other.at(s("c")).asNumber().toString(), s("1000"));
        QCOMPARE(other.at(s("d")).asString(), QString::fromUtf8("\xc3\xa9" "A"));
        QCOMPARE(other.at(s("e")).asNumber().toString(), s("-16"));
        QCOMPARE(other.at(s("f")).asNumber().toString(), s("1500"));

        // Errors name the line.
        for (const char *bad : {"{a: \"open", "{a: 1,", "{a 1}", "(sexp)", "{a: nan}", "[1 2]", "{{not base64!}}"}) {
            const Result<void> r = migration::readIon(QByteArray("\n") + bad, [](const QJsonValue &, int) { return true; });
            QVERIFY2(!r.ok(), bad);
            QVERIFY2(r.error().message().startsWith(s("Line 2 is not valid Ion")), qPrintable(r.error().message()));
        }
    }

    void csvRecords()
    {
        QList<QStringList> records;
        QList<int> lines;
        auto collect = [&](const QStringList &f, int line) {
            records << f;
            lines << line;
            return true;
        };
        QVERIFY(migration::readCsv("\xEF\xBB\xBFpk,v\r\na,\"x, \"\"y\"\"\r\nz\"\n\nb,\n", ',', collect).ok());
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[0], (QStringList{s("pk"), s("v")}));
        QCOMPARE(records[1], (QStringList{s("a"), s("x, \"y\"\r\nz")}));
        QCOMPARE(records[2], (QStringList{s("b"), QString()}));
        QCOMPARE(lines, (QList<int>{1, 2, 5}));
        records.clear();
        QVERIFY(migration::readCsv("a\tb\tc", '\t', collect).ok());
        QCOMPARE(records[0], (QStringList{s("a"), s("b"), s("c")}));
        QVERIFY(!migration::readCsv("a,\"open\n", ',', collect).ok());
        const Result<void> r = migration::readCsv("ok\n\"a\"b,c\n", ',', collect);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message().contains(s("Line 2")), qPrintable(r.error().message()));
    }

    // A full export in DynamoDB JSON: AWS's files, manifests and checksums,
    // and every item exactly once, over several data files.
    void fullExportFiles()
    {
        open(40);
        makeBucket("exports");
        createTable("tbl");
        enablePitr("tbl");
        for (int i = 0; i < 100; ++i)
            put("tbl", QStringLiteral("p%1").arg(i % 7), i, QStringLiteral("value %1").arg(i));
        for (int i = 0; i < 3; ++i)
            ok("PutItem", QJsonObject{{s("TableName"), s("tbl")}, {s("Item"), richItem(i)}});
        m_clock.advanceMs(5000);
        const QJsonObject started = ok("ExportTableToPointInTime", QJsonObject{{s("TableArn"), arnOf("tbl")}, {s("S3Bucket"), s("exports")},
                                                                                {s("S3Prefix"), s("my/prefix")}, {s("ClientToken"), s("tok-1")}})
                                        .value(s("ExportDescription")).toObject();
        QCOMPARE(started.value(s("ExportStatus")).toString(), s("IN_PROGRESS"));
        QCOMPARE(started.value(s("ExportFormat")).toString(), s("DYNAMODB_JSON"));
        QCOMPARE(started.value(s("S3SseAlgorithm")).toString(), s("AES256"));
        QCOMPARE(started.value(s("ExportTime")).toDouble(), started.value(s("StartTime")).toDouble());
        QCOMPARE(started.value(s("StartTime")).toDouble(), double(m_clock.nowMs()) / 1000);
        QCOMPARE(started.value(s("ExportType")).toString(), s("FULL_EXPORT"));
        QVERIFY(!started.contains(s("ItemCount")));
        const QString arn = started.value(s("ExportArn")).toString();
        QVERIFY2(QRegularExpression(s("^arn:aws:dynamodb:us-east-1:000000000000:table/tbl/export/01700000005000-[0-9a-f]{8}$")).match(arn).hasMatch(),
                 qPrintable(arn));
        const QJsonObject done = waitFor("DescribeExport", "ExportArn", arn);
        QCOMPARE(done.value(s("ExportStatus")).toString(), s("COMPLETED"));
        QCOMPARE(done.value(s("ItemCount")).toInt(), 103);
        QVERIFY(done.value(s("BilledSizeBytes")).toDouble() > 100 * 20);
        const QString id = arn.section(QLatin1Char('/'), -1);
        QCOMPARE(done.value(s("ExportManifest")).toString(), s("my/prefix/AWSDynamoDB/") + id + s("/manifest-summary.json"));

        const QString dir = m_s3 + s("/exports/my/prefix/AWSDynamoDB/") + id;
        const QStringList files = filesUnder(dir);
        QStringList names;
        for (const QString &f : files)
            names << (f.startsWith(s("data/")) ? s("data/*") : f);
        names.removeDuplicates();
        QCOMPARE(names, (QStringList{s("_started"), s("data/*"), s("manifest-files.json"), s("manifest-files.md5"), s("manifest-summary.json"),
                                     s("manifest-summary.md5")}));
        QCOMPARE(readFile(dir + s("/_started")), QByteArray());
        for (const char *m : {"manifest-files", "manifest-summary"}) {
            const QByteArray bytes = readFile(dir + s("/") + s(m) + s(".json"));
            QCOMPARE(readFile(dir + s("/") + s(m) + s(".md5")), QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toBase64());
        }
        const QByteArray summary = readFile(dir + s("/manifest-summary.json"));
        QVERIFY2(summary.startsWith("{\"version\":\"2020-06-30\",\"exportArn\":\"" + arn.toUtf8() + "\",\"startTime\":\"2023-11-14T22:13:25.000Z\","),
                 summary.constData());
        QVERIFY2(summary.contains(",\"s3Bucket\":\"exports\",\"s3Prefix\":\"my/prefix\",\"s3SseAlgorithm\":\"AES256\",\"s3SseKmsKeyId\":null,"
                                  "\"manifestFilesS3Key\":\"my/prefix/AWSDynamoDB/" + id.toUtf8() + "/manifest-files.json\",\"billedSizeBytes\":"),
                 summary.constData());
        QVERIFY2(summary.endsWith(",\"itemCount\":103,\"outputFormat\":\"DYNAMODB_JSON\",\"exportType\":\"FULL_EXPORT\"}"), summary.constData());
        // 103 items at 40 a file: 3 files, each line of the manifest right.
        const QList<QByteArray> manifest = readFile(dir + s("/manifest-files.json")).split('\n');
        QCOMPARE(manifest.size(), 4);
        QCOMPARE(manifest.last(), QByteArray());
        int total = 0;
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(manifest[i].startsWith("{\"itemCount\":"), manifest[i].constData());
            const QJsonObject f = QJsonDocument::fromJson(manifest[i]).object();
            const QString key = f.value(s("dataFileS3Key")).toString();
            QVERIFY2(QRegularExpression(s("^my/prefix/AWSDynamoDB/") + id + s("/data/[a-z2-7]{26}\\.json\\.gz$")).match(key).hasMatch(), qPrintable(key));
            const QByteArray gz = readFile(m_s3 + s("/exports/") + key);
            const QByteArray md5 = QCryptographicHash::hash(gz, QCryptographicHash::Md5);
            QCOMPARE(f.value(s("md5Checksum")).toString().toLatin1(), md5.toBase64());
            QCOMPARE(f.value(s("etag")).toString().toLatin1(), md5.toHex() + "-1");
            total += f.value(s("itemCount")).toInt();
            QCOMPARE(migration::gunzip(gz, 1 << 30)->count('\n'), f.value(s("itemCount")).toInt());
        }
        QCOMPARE(total, 103);
        // Every item once, as Scan returns it.
        QStringList exported;
        for (const QByteArray &line : exportLines(s("exports"), done)) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QCOMPARE(o.keys(), QStringList{s("Item")});
            exported << QString::fromUtf8(QJsonDocument(o.value(s("Item")).toObject()).toJson(QJsonDocument::Compact));
        }
        exported.sort();
        QCOMPARE(exported, items(s("tbl")));

        // The same ClientToken and request: the same export; other parameters: a conflict.
        const QJsonObject again = ok("ExportTableToPointInTime", QJsonObject{{s("TableArn"), arnOf("tbl")}, {s("S3Bucket"), s("exports")},
                                                                             {s("S3Prefix"), s("my/prefix")}, {s("ClientToken"), s("tok-1")}});
        QCOMPARE(again.value(s("ExportDescription")).toObject().value(s("ExportArn")).toString(), arn);
        QCOMPARE(again.value(s("ExportDescription")).toObject().value(s("ExportStatus")).toString(), s("COMPLETED"));
        const ApiError conflict = fail("ExportTableToPointInTime", QJsonObject{{s("TableArn"), arnOf("tbl")}, {s("S3Bucket"), s("exports")},
                                                                               {s("S3Prefix"), s("other")}, {s("ClientToken"), s("tok-1")}});
        QCOMPARE(conflict.type(), s("ExportConflictException"));
        QCOMPARE(conflict.message(), s("Export conflict: Duplicate request detected with conflicting parameters"));
    }

    // ExportTime in the past: the table as it was then.
    void exportAtTime()
    {
        open();
        makeBucket("bkt");
        createTable("tbl");
        enablePitr("tbl");
        put("tbl", s("a"), 1, s("old a"));
        put("tbl", s("b"), 1, s("old b"));
        m_clock.advanceMs(10 * kMinute);
        const qint64 then = m_clock.nowMs();
        m_clock.advanceMs(kMinute);
        put("tbl", s("a"), 1, s("new a"));
        ok("DeleteItem", json(R"({"TableName":"tbl","Key":{"pk":{"S":"b"},"sk":{"N":"1"}}})"));
        put("tbl", s("c"), 1, s("new c"));
        const QJsonObject done = exportAndWait(QJsonObject{{s("TableArn"), arnOf("tbl")}, {s("S3Bucket"), s("bkt")}, {s("ExportTime"), double(then) / 1000}});
        QCOMPARE(done.value(s("ExportStatus")).toString(), s("COMPLETED"));
        QCOMPARE(done.value(s("ExportTime")).toDouble(), double(then) / 1000);
        QStringList values;
        for (const QByteArray &line : exportLines(s("bkt"), done))
            values << QJsonDocument::fromJson(line).object().value(s("Item")).toObject().value(s("v")).toObject().value(s("S")).toString();
        values.sort();
        QCOMPARE(values, (QStringList{s("old a"), s("old b")}));
        // No prefix: the files start at the bucket's root.
        QVERIFY(done.value(s("ExportManifest")).toString().startsWith(s("AWSDynamoDB/")));
        QVERIFY(QFile::exists(m_s3 + s("/bkt/") + done.value(s("ExportManifest")).toString()));
    }

    // An export in Ion read back by an import, and one in DynamoDB JSON: the
    // imported tables equal the source, indexes included.
    void exportThenImport()
    {
        open(25);
        makeBucket("rtb");
        createTable("src");
        enablePitr("src");
        for (int i = 0; i < 120; ++i)
            put("src", QStringLiteral("k%1").arg(i % 13), i, QStringLiteral("g%1 value").arg(i % 4));
        for (int i = 0; i < 5; ++i)
            ok("PutItem", QJsonObject{{s("TableName"), s("src")}, {s("Item"), richItem(i)}});
        m_clock.advanceMs(1000);
        for (const char *format : {"ION", "DYNAMODB_JSON"}) {
            const QJsonObject done = exportAndWait(QJsonObject{{s("TableArn"), arnOf("src")}, {s("S3Bucket"), s("rtb")}, {s("ExportFormat"), s(format)}});
            QCOMPARE(done.value(s("ExportStatus")).toString(), s("COMPLETED"));
            QCOMPARE(done.value(s("ItemCount")).toInt(), 125);
            const QString id = done.value(s("ExportArn")).toString().section(QLatin1Char('/'), -1);
            if (QByteArray(format) == "ION") {
                const QList<QByteArray> lines = exportLines(s("rtb"), done);
                QCOMPARE(lines.size(), 125);
                QVERIFY2(lines[0].startsWith("$ion_1_0 {Item:{"), lines[0].constData());
                QVERIFY(filesUnder(m_s3 + s("/rtb/AWSDynamoDB/") + id + s("/data")).first().endsWith(s(".ion.gz")));
            }
            const QString target = s("copy_") + s(format);
            const QJsonObject imported = importAndWait(importRequest(target.toLatin1().constData(), "rtb", s("AWSDynamoDB/") + id + s("/data/"), format, "GZIP"));
            QCOMPARE(imported.value(s("ImportStatus")).toString(), s("COMPLETED"));
            QCOMPARE(imported.value(s("ErrorCount")).toInt(), 0);
            QCOMPARE(imported.value(s("ImportedItemCount")).toInt(), 125);
            QCOMPARE(imported.value(s("ProcessedItemCount")).toInt(), 125);
            QVERIFY(imported.value(s("ProcessedSizeBytes")).toDouble() > 125 * 30);
            QVERIFY(imported.contains(s("EndTime")));
            QCOMPARE(items(target), items(s("src")));
            const QJsonObject table = ok("DescribeTable", QJsonObject{{s("TableName"), target}}).value(s("Table")).toObject();
            QCOMPARE(table.value(s("TableStatus")).toString(), s("ACTIVE"));
            QCOMPARE(table.value(s("TableId")).toString(), imported.value(s("TableId")).toString());
            QCOMPARE(table.value(s("ItemCount")).toInt(), 125);
            const QJsonObject byG = ok("Query", QJsonObject{{s("TableName"), target}, {s("IndexName"), s("byG")},
                                                            {s("KeyConditionExpression"), s("g = :g")},
                                                            {s("ExpressionAttributeValues"), QJsonObject{{s(":g"), S(s("g1"))}}},
                                                            {s("Select"), s("COUNT")}});
            QCOMPARE(byG.value(s("Count")).toInt(), 30);
            // The table is ordinary afterwards: writes go in.
            put(target.toLatin1().constData(), s("new"), 1, s("after"));
        }
    }

    // Incremental exports: inserts, updates, deletes and an item put and
    // deleted inside the window, with both view types; changes outside the
    // window left out.
    void incrementalExport()
    {
        open();
        makeBucket("inc");
        createTable("tbl");
        enablePitr("tbl");
        put("tbl", s("kept"), 1, s("kept"));
        put("tbl", s("updated"), 1, s("before"));
        put("tbl", s("deleted"), 1, s("doomed"));
        m_clock.advanceMs(5 * kMinute);
        const qint64 from = m_clock.nowMs();
        m_clock.advanceMs(kMinute);
        put("tbl", s("updated"), 1, s("middle"));
        put("tbl", s("updated"), 1, s("after"));
        ok("DeleteItem", json(R"({"TableName":"tbl","Key":{"pk":{"S":"deleted"},"sk":{"N":"1"}}})"));
        put("tbl", s("inserted"), 1, s("fresh"));
        put("tbl", s("transient"), 1, s("short"));
        const qint64 lastWrite = m_clock.nowMs();
        m_clock.advanceMs(kMinute);
        ok("DeleteItem", json(R"({"TableName":"tbl","Key":{"pk":{"S":"transient"},"sk":{"N":"1"}}})"));
        m_clock.advanceMs(20 * kMinute);
        const qint64 to = m_clock.nowMs();
        m_clock.advanceMs(kMinute);
        put("tbl", s("kept"), 1, s("after the window"));

        for (const char *view : {"NEW_AND_OLD_IMAGES", "NEW_IMAGE"}) {
            const QJsonObject spec{{s("ExportFromTime"), double(from) / 1000}, {s("ExportToTime"), double(to) / 1000}, {s("ExportViewType"), s(view)}};
            const QJsonObject done = exportAndWait(QJsonObject{{s("TableArn"), arnOf("tbl")}, {s("S3Bucket"), s("inc")}, {s("S3Prefix"), s("x")},
                                                               {s("ExportType"), s("INCREMENTAL_EXPORT")}, {s("IncrementalExportSpecification"), spec}});
            QCOMPARE(done.value(s("ExportStatus")).toString(), s("COMPLETED"));
            QVERIFY(!done.contains(s("ExportTime")));
            QCOMPARE(done.value(s("ExportType")).toString(), s("INCREMENTAL_EXPORT"));
            QCOMPARE(done.value(s("IncrementalExportSpecification")).toObject().value(s("ExportViewType")).toString(), s(view));
            QCOMPARE(done.value(s("ItemCount")).toInt(), 3);
            QMap<QString, QJsonObject> records;
            for (const QByteArray &line : exportLines(s("inc"), done)) {
                const QJsonObject r = QJsonDocument::fromJson(line).object();
                records.insert(r.value(s("Keys")).toObject().value(s("pk")).toObject().value(s("S")).toString(), r);
            }
            QCOMPARE(records.keys(), (QStringList{s("deleted"), s("inserted"), s("updated")}));
            const bool both = QByteArray(view) == "NEW_AND_OLD_IMAGES";
            const QJsonObject updated = records.value(s("updated"));
            QCOMPARE(updated.value(s("NewImage")).toObject().value(s("v")).toObject().value(s("S")).toString(), s("after"));
            QCOMPARE(updated.contains(s("OldImage")), both);
            if (both)
                QCOMPARE(updated.value(s("OldImage")).toObject().value(s("v")).toObject().value(s("S")).toString(), s("before"));
            QCOMPARE(updated.value(s("Metadata")).toObject().value(s("WriteTimestampMicros")).toObject().value(s("N")).toString(),
                     QString::number(lastWrite * 1000));
            QCOMPARE(records.value(s("inserted")).contains(s("OldImage")), false);
            QCOMPARE(records.value(s("inserted")).value(s("NewImage")).toObject().value(s("v")).toObject().value(s("S")).toString(), s("fresh"));
            QCOMPARE(records.value(s("deleted")).contains(s("NewImage")), false);
            QCOMPARE(records.value(s("deleted")).contains(s("OldImage")), both);
            // Incremental data shares the AWSDynamoDB/data folder; the manifests are the export's own.
            const QString id = done.value(s("ExportArn")).toString().section(QLatin1Char('/'), -1);
            const QByteArray summary = readFile(m_s3 + s("/inc/x/AWSDynamoDB/") + id + s("/manifest-summary.json"));
            QVERIFY2(summary.startsWith("{\"version\":\"2023-08-01\","), summary.constData());
            QVERIFY2(summary.contains("\"exportFromTime\":\"2023-11-14T22:18:20.000Z\",\"exportToTime\":"), summary.constData());
            QVERIFY2(summary.endsWith(QByteArray(",\"outputView\":\"") + view + "\",\"exportType\":\"INCREMENTAL_EXPORT\"}"), summary.constData());
            const QString firstData = QJsonDocument::fromJson(readFile(m_s3 + s("/inc/x/AWSDynamoDB/") + id + s("/manifest-files.json")).split('\n')[0])
                                          .object().value(s("dataFileS3Key")).toString();
            QVERIFY2(firstData.startsWith(s("x/AWSDynamoDB/data/")), qPrintable(firstData));
        }
    }

    // AWS's refusals, each changing nothing.
    void exportErrors()
    {
        open();
        makeBucket("bkt");
        createTable("tbl");
        createTable("NoPitr");
        enablePitr("tbl");
        m_clock.advanceMs(kMinute);
        const double now = double(m_clock.nowMs()) / 1000;
        struct Case {
            QJsonObject req;
            const char *type;
            const char *message;
        };
        const QString t = arnOf("tbl");
        const QList<Case> cases = {
            {{{s("TableArn"), s("tbl")}, {s("S3Bucket"), s("bkt")}}, "ValidationException", "One or more parameter values were invalid: tableArn is not a valid ARN"},
            {{{s("TableArn"), t + s("/index/x")}, {s("S3Bucket"), s("bkt")}}, "ValidationException", "Invalid Request: Table ARN is invalid."},
            {{{s("TableArn"), s("arn:aws:dynamodb:us-east-1:111111111111:table/tbl")}, {s("S3Bucket"), s("bkt")}}, "AccessDeniedException", "Access is denied"},
            {{{s("TableArn"), arnOf("Nope")}, {s("S3Bucket"), s("bkt")}}, "TableNotFoundException",
             "Table not found: arn:aws:dynamodb:us-east-1:000000000000:table/Nope"},
            {{{s("TableArn"), arnOf("NoPitr")}, {s("S3Bucket"), s("bkt")}}, "PointInTimeRecoveryUnavailableException",
             "Point in time recovery is not enabled for table 'NoPitr'"},
            {{{s("TableArn"), t}, {s("S3Bucket"), s("bkt")}, {s("ExportTime"), now + 5}}, "InvalidExportTimeException", "Export Time is invalid"},
            {{{s("TableArn"), t}, {s("S3Bucket"), s("bkt")}, {s("ExportTime"), now - 3600}}, "InvalidExportTimeException", "Export Time is invalid"},
            {{{s("TableArn"), t}, {s("S3Bucket"), s("bkt")}, {s("IncrementalExportSpecification"), QJsonObject{{s("ExportFromTime"), now - 60}}}},
             "ValidationException", "Invalid Request: Export Type expected to be Incremental Export when incremental export specification is provided"},
            {{{s("TableArn"), t}, {s("S3Bucket"), s("bkt")}, {s("ExportType"), s("FULL_EXPORT")}, {s("IncrementalExportSpecification"), QJsonObject()}},
             "ValidationException", "Invalid Request: When Export Type is Full Export , Incremental Export Specification should not be provided"},
            {{{s("TableArn"), t}, {s("S3Bucket"), s("bkt")}, {s("ExportType"), s("INCREMENTAL_EXPORT")}}, "ValidationException",
             "Invalid Request: Incremental Export Specification expected when export type is set as Incremental Export"},
            {{{s("TableArn"), t}, {s("S3Bucket"), s("bkt")}, {s("ExportType"), s("INCREMENTAL_EXPORT")}, {s("IncrementalExportSpecification"), QJsonObject()}},
             "ValidationException", "Invalid Request: ExportFromTime must be provided in IncrementalExportSpecification"},
            {{{s("TableArn"), t}, {s("S3Bucket"), s("bkt")}, {s("S3SseKmsKeyId"), s("key")}}, "ValidationException",
             "Invalid Request: KMS Key Id is not supported for this encryption type"},
            {{{s("TableArn"), t}, {s("S3Bucket"), s("bkt")}, {s("ExportFormat"), s("CSV")}}, "ValidationException", nullptr},
            {{{s("TableArn"), t}, {s("S3Bucket"), s("no/slash")}}, "ValidationException", nullptr},
            {{{s("TableArn"), t}, {s("S3Bucket"), s("bkt")}, {s("S3Prefix"), s("")}}, "ValidationException", nullptr},
            {{{s("TableArn"), t}, {s("S3Bucket"), s("bkt")}, {s("ClientToken"), s("")}}, "ValidationException", nullptr},
        };
        for (const Case &c : cases) {
            const ApiError e = fail("ExportTableToPointInTime", c.req);
            QVERIFY2(e.type() == s(c.type), qPrintable(QString::fromUtf8(QJsonDocument(c.req).toJson(QJsonDocument::Compact)) + s(" -> ") + e.type() + s(": ") + e.message()));
            if (c.message)
                QCOMPARE(e.message(), s(c.message));
        }
        // Incremental windows: the texts print the time asked for.
        auto incremental = [&](double fromS, double toS) {
            return fail("ExportTableToPointInTime", QJsonObject{{s("TableArn"), t}, {s("S3Bucket"), s("bkt")}, {s("ExportType"), s("INCREMENTAL_EXPORT")},
                                                                 {s("IncrementalExportSpecification"),
                                                                  QJsonObject{{s("ExportFromTime"), fromS}, {s("ExportToTime"), toS}}}});
        };
        m_clock.advanceMs(3 * 24 * 60 * kMinute);
        const double later = double(m_clock.nowMs()) / 1000;
        QCOMPARE(incremental(now - 3600, later - 7200).message(), s("Incremental export period from time cannot be less than the table creation time : 2023-11-14T21:14:20Z"));
        QCOMPARE(incremental(later - 7200, later + 60).message(), s("Incremental export period to time cannot be greater than the current time : 2023-11-17T22:15:20Z"));
        QCOMPARE(incremental(later - 600, later).message(), s("Difference between export period from time and export period to time is less than 15 minutes"));
        QCOMPARE(incremental(later - 2 * 86400, later).message(), s("Difference between export period from time and export period to time is greater than 24 hours"));
        QCOMPARE(incremental(later - 600, later).type(), s("InvalidExportTimeException"));
        QCOMPARE(fail("ExportTableToPointInTime", QJsonObject{{s("TableArn"), arnOf("NoPitr")}, {s("S3Bucket"), s("bkt")},
                                                               {s("ExportType"), s("INCREMENTAL_EXPORT")},
                                                               {s("IncrementalExportSpecification"), QJsonObject{{s("ExportFromTime"), later - 3600}}}})
                     .type(),
                 s("InvalidExportTimeException"));
        // Nothing was recorded.
        QCOMPARE(ok("ListExports", QJsonObject()).value(s("ExportSummaries")).toArray().size(), 0);

        // A bucket that does not exist: accepted, then FAILED with S3's code.
        const QJsonObject failed = exportAndWait(QJsonObject{{s("TableArn"), t}, {s("S3Bucket"), s("missing-bucket")}});
        QCOMPARE(failed.value(s("ExportStatus")).toString(), s("FAILED"));
        QCOMPARE(failed.value(s("FailureCode")).toString(), s("S3NoSuchBucket"));
        QVERIFY2(failed.value(s("FailureMessage")).toString().startsWith(s("The specified bucket does not exist (Service: Amazon S3; Status Code: 404;")),
                 qPrintable(failed.value(s("FailureMessage")).toString()));
        QVERIFY(!failed.contains(s("ItemCount")));
        QVERIFY(!QDir(m_s3 + s("/missing-bucket")).exists());

        // DescribeExport's errors.
        const QString id = failed.value(s("ExportArn")).toString().section(QLatin1Char('/'), -1);
        QCOMPARE(fail("DescribeExport", QJsonObject{{s("ExportArn"), t + s("/export/01700000000000-00000000")}}).message(),
                 s("Export not found: Export not found: ") + t + s("/export/01700000000000-00000000"));
        QCOMPARE(fail("DescribeExport", QJsonObject{{s("ExportArn"), s("arn:aws:dynamodb:eu-west-1:000000000000:table/tbl/export/") + id}}).message(),
                 s("Export not found: Invalid export arn"));
        QCOMPARE(fail("DescribeExport", QJsonObject{{s("ExportArn"), t + s("/import/") + id}}).message(), s("Invalid Export ARN"));
        QCOMPARE(fail("DescribeExport", QJsonObject{{s("ExportArn"), s("arn:aws:dynamodb:us-east-1:111111111111:table/tbl/export/") + id}}).type(),
                 s("AccessDeniedException"));
    }

    void listExportsPages()
    {
        open();
        makeBucket("bkt");
        createTable("tbl");
        createTable("utb");
        enablePitr("tbl");
        enablePitr("utb");
        QStringList arns;
        for (int i = 0; i < 7; ++i) {
            m_clock.advanceMs(1000);
            const char *table = i % 2 ? "utb" : "tbl";
            arns.prepend(exportAndWait(QJsonObject{{s("TableArn"), arnOf(table)}, {s("S3Bucket"), s("bkt")}}).value(s("ExportArn")).toString());
        }
        // Newest first, in pages, with FULL_EXPORT in every summary.
        QStringList listed;
        QString token;
        int pages = 0;
        do {
            QJsonObject req{{s("MaxResults"), 3}};
            if (!token.isEmpty())
                req.insert(s("NextToken"), token);
            const QJsonObject page = ok("ListExports", req);
            for (const QJsonValue &v : page.value(s("ExportSummaries")).toArray()) {
                listed << v.toObject().value(s("ExportArn")).toString();
                QCOMPARE(v.toObject().value(s("ExportStatus")).toString(), s("COMPLETED"));
                QCOMPARE(v.toObject().value(s("ExportType")).toString(), s("FULL_EXPORT"));
            }
            token = page.value(s("NextToken")).toString();
            ++pages;
        } while (!token.isEmpty());
        QCOMPARE(listed, arns);
        QCOMPARE(pages, 3);
        const QJsonArray ofU = ok("ListExports", QJsonObject{{s("TableArn"), arnOf("utb")}}).value(s("ExportSummaries")).toArray();
        QCOMPARE(ofU.size(), 3);
        for (const QJsonValue &v : ofU)
            QVERIFY(v.toObject().value(s("ExportArn")).toString().startsWith(arnOf("utb") + s("/export/")));
        QCOMPARE(fail("ListExports", QJsonObject{{s("NextToken"), s("garbage")}}).message(), s("Invalid Request: Provided nextToken is invalid: garbage"));
        QCOMPARE(fail("ListExports", QJsonObject{{s("MaxResults"), 26}}).type(), s("ValidationException"));
        // A deleted table's exports stay describable but leave its listing.
        api::Engine::beginTurn();
        ok("DeleteTable", json(R"({"TableName":"utb"})"));
        QVERIFY(!api::Engine::endTurn());
        QCOMPARE(ok("ListExports", QJsonObject{{s("TableArn"), arnOf("utb")}}).value(s("ExportSummaries")).toArray().size(), 0);
        QCOMPARE(ok("DescribeExport", QJsonObject{{s("ExportArn"), ofU[0].toObject().value(s("ExportArn"))}})
                     .value(s("ExportDescription")).toObject().value(s("ExportStatus")).toString(),
                 s("COMPLETED"));
    }

    // CSV: a header line or HeaderList, a delimiter, key attributes of the
    // table and its index typed as declared, the rest strings, empty cells
    // left out; several files, gzip, zstd and none.
    void importCsv()
    {
        open();
        makeBucket("inb");
        writeFile(m_s3 + s("/inb/csv/one.csv"), "pk,sk,g,v,empty\na,1,x,\"hello, world\",\nb,2.5,y,\"say \"\"hi\"\"\",\n");
        QByteArray zst(256, '\0');
        const QByteArray second = "c,3,x,third,\n";
        writeFile(m_s3 + s("/inb/csv2/a.csv.gz"), migration::gzip("pk,sk,g,v,empty\n" + second));
        zst.resize(qsizetype(ZSTD_compress(zst.data(), size_t(zst.size()), "pk,sk,g,v,empty\nd,4,z,fourth,\n", 29, 3)));
        writeFile(m_s3 + s("/inb/csv3/a.csv.zst"), zst);
        writeFile(m_s3 + s("/inb/semi/x.csv"), "e;5;x;semi\nf;6;x;colons\n");

        QJsonObject d = importAndWait(importRequest("fromCsv", "inb", s("csv/"), "CSV", "NONE"));
        QCOMPARE(d.value(s("ImportStatus")).toString(), s("COMPLETED"));
        QCOMPARE(d.value(s("ImportedItemCount")).toInt(), 2);
        QCOMPARE(items(s("fromCsv")),
                 (QStringList{s("{\"g\":{\"S\":\"x\"},\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"S\":\"hello, world\"}}"),
                              s("{\"g\":{\"S\":\"y\"},\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"2.5\"},\"v\":{\"S\":\"say \\\"hi\\\"\"}}")}));
        d = importAndWait(importRequest("fromGz", "inb", s("csv2"), "CSV", "GZIP"));
        QCOMPARE(d.value(s("ImportStatus")).toString(), s("COMPLETED"));
        QCOMPARE(items(s("fromGz")).size(), 1);
        d = importAndWait(importRequest("fromZst", "inb", s("csv3/a.csv.zst"), "CSV", "ZSTD"));
        QCOMPARE(d.value(s("ImportStatus")).toString(), s("COMPLETED"));
        QCOMPARE(items(s("fromZst")).size(), 1);
        const QJsonObject options{{s("InputFormatOptions"), QJsonObject{{s("Csv"), QJsonObject{{s("Delimiter"), s(";")},
                                                                                               {s("HeaderList"), QJsonArray{s("pk"), s("sk"), s("g"), s("v")}}}}}}};
        d = importAndWait(importRequest("fromSemi", "inb", s("semi/"), "CSV", "NONE", options));
        QCOMPARE(d.value(s("ImportStatus")).toString(), s("COMPLETED"));
        QCOMPARE(d.value(s("InputFormatOptions")).toObject(), options.value(s("InputFormatOptions")).toObject());
        QCOMPARE(items(s("fromSemi")).size(), 2);
        QVERIFY(items(s("fromSemi")).first().contains(s("\"v\":{\"S\":\"semi\"}")));
    }

    // Bad lines: counted, the valid items imported, the import FAILED with
    // AWS's code and the table ACTIVE; text that is not JSON abandons the
    // rest of its object; duplicate keys count each write.
    void importBadLines()
    {
        open();
        makeBucket("inb");
        QByteArray good;
        for (int i = 0; i < 5; ++i)
            good += "{\"Item\":{\"pk\":{\"S\":\"k" + QByteArray::number(i) + "\"},\"sk\":{\"N\":\"1\"}}}\n";
        writeFile(m_s3 + s("/inb/bad/1.json"), good);
        writeFile(m_s3 + s("/inb/bad/2.json"),
                  "{\"Item\":{\"pk\":{\"S\":\"dup\"},\"sk\":{\"N\":\"1\"},\"v\":{\"S\":\"first\"}}}\n"
                  "{\"Item\":{\"pk\":{\"S\":\"nosk\"}}}\n"                                     // missing sort key
                  "{\"Item\":{\"pk\":{\"S\":\"wrong\"},\"sk\":{\"S\":\"x\"}}}\n"               // sort key of the wrong type
                  "{\"NotItem\":{}}\n"                                                      // no Item
                  "\n"                                                                      // blank: neither
                  "{\"Item\":{\"pk\":{\"S\":\"g\"},\"sk\":{\"N\":\"1\"},\"g\":{\"N\":\"1\"}}}\n" // index key of the wrong type
                  "{\"Item\":{\"pk\":{\"S\":\"e\"},\"sk\":{\"N\":\"1\"},\"\":{\"S\":\"x\"}}}\n"  // empty attribute name
                  "{\"Item\":{\"pk\":{\"S\":\"dup\"},\"sk\":{\"N\":\"1\"},\"v\":{\"S\":\"second\"}}}\n");
        writeFile(m_s3 + s("/inb/bad/3.json"), "{\"Item\":{\"pk\":{\"S\":\"before\"},\"sk\":{\"N\":\"1\"}}}\nnot json at all\n"
                                              "{\"Item\":{\"pk\":{\"S\":\"after\"},\"sk\":{\"N\":\"1\"}}}\n");
        const QJsonObject d = importAndWait(importRequest("partial", "inb", s("bad/"), "DYNAMODB_JSON", "NONE"));
        QCOMPARE(d.value(s("ImportStatus")).toString(), s("FAILED"));
        QCOMPARE(d.value(s("FailureCode")).toString(), s("ItemValidationError"));
        QCOMPARE(d.value(s("FailureMessage")).toString(),
                 s("Some of the items failed validation checks and were not imported. Please check CloudWatch error logs for more details."));
        QCOMPARE(d.value(s("ErrorCount")).toInt(), 6);
        QCOMPARE(d.value(s("ImportedItemCount")).toInt(), 8);
        QCOMPARE(d.value(s("ProcessedItemCount")).toInt(), 14);
        qint64 bytes = 0;
        for (const char *f : {"1", "2", "3"})
            bytes += readFile(m_s3 + s("/inb/bad/") + s(f) + s(".json")).size();
        QCOMPARE(qint64(d.value(s("ProcessedSizeBytes")).toDouble()), bytes);
        const QStringList got = items(s("partial"));
        QCOMPARE(got.size(), 7);
        QVERIFY(got.join(QLatin1Char('\n')).contains(s("\"second\"")));
        QVERIFY(!got.join(QLatin1Char('\n')).contains(s("\"after\"")));
        QCOMPARE(ok("DescribeTable", json(R"({"TableName":"partial"})")).value(s("Table")).toObject().value(s("TableStatus")).toString(), s("ACTIVE"));
        // Which lines failed, and why (what AWS writes to CloudWatch Logs).
        const QJsonArray lines = ok("Dynamodesk.DescribeImportErrors", QJsonObject{{s("ImportArn"), d.value(s("ImportArn"))}}).value(s("Errors")).toArray();
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[0].toString(), s("bad/2.json, line 2: One or more parameter values were invalid: Missing the key sk in the item"));
        QCOMPARE(lines[5].toString(), s("bad/3.json, line 2: the line is not a JSON object"));
        // GZIP named for a plain file: each object one error.
        const QJsonObject gz = importAndWait(importRequest("wrongCompression", "inb", s("bad/1"), "DYNAMODB_JSON", "GZIP"));
        QCOMPARE(gz.value(s("ImportStatus")).toString(), s("FAILED"));
        QCOMPARE(gz.value(s("ErrorCount")).toInt(), 1);
        QCOMPARE(items(s("wrongCompression")).size(), 0);
    }

    void importOutcomesAndErrors()
    {
        open();
        makeBucket("inb");
        writeFile(m_s3 + s("/inb/one.json"), "{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}}\n");
        // A prefix that matches nothing: COMPLETED, the table empty and ACTIVE.
        QJsonObject d = importAndWait(importRequest("empty", "inb", s("nothing/here"), "DYNAMODB_JSON", "NONE"));
        QCOMPARE(d.value(s("ImportStatus")).toString(), s("COMPLETED"));
        QVERIFY(!d.contains(s("ProcessedSizeBytes")));
        QCOMPARE(items(s("empty")).size(), 0);
        // A missing bucket: FAILED, and no table.
        d = importAndWait(importRequest("nobucket", "missing", s(""), "DYNAMODB_JSON", "NONE"));
        QCOMPARE(d.value(s("ImportStatus")).toString(), s("FAILED"));
        QCOMPARE(d.value(s("FailureCode")).toString(), s("S3NoSuchBucket"));
        QCOMPARE(fail("DescribeTable", json(R"({"TableName":"nobucket"})")).type(), s("ResourceNotFoundException"));

        // The first answer: IN_PROGRESS with AWS's members.
        QJsonObject req = importRequest("first", "inb", s("one.json"), "DYNAMODB_JSON", "NONE");
        req.remove(s("InputCompressionType"));
        req.insert(s("ClientToken"), s("import-token"));
        const QJsonObject started = ok("ImportTable", req).value(s("ImportTableDescription")).toObject();
        QCOMPARE(started.value(s("ImportStatus")).toString(), s("IN_PROGRESS"));
        QCOMPARE(started.value(s("InputCompressionType")).toString(), s("NONE"));
        QCOMPARE(started.value(s("S3BucketSource")).toObject().value(s("S3BucketOwner")).toString(), s("000000000000"));
        QCOMPARE(started.value(s("CloudWatchLogGroupArn")).toString(), s("arn:aws:logs:us-east-1:000000000000:log-group:/aws-dynamodb/imports:*"));
        QCOMPARE(started.value(s("TableCreationParameters")).toObject(), req.value(s("TableCreationParameters")).toObject());
        for (const char *counter : {"ProcessedItemCount", "ImportedItemCount", "ErrorCount"})
            QCOMPARE(started.value(s(counter)).toInt(-1), 0);
        QVERIFY(!started.contains(s("EndTime")));
        const QString arn = started.value(s("ImportArn")).toString();
        QVERIFY2(QRegularExpression(s("^arn:aws:dynamodb:us-east-1:000000000000:table/first/import/\\d{14}-[0-9a-f]{8}$")).match(arn).hasMatch(), qPrintable(arn));
        QCOMPARE(waitFor("DescribeImport", "ImportArn", arn).value(s("ImportStatus")).toString(), s("COMPLETED"));
        // The token again: the table exists now.
        QCOMPARE(fail("ImportTable", req).message(), s("Table already exists: first"));
        QJsonObject renamed = req;
        QJsonObject params = renamed.value(s("TableCreationParameters")).toObject();
        params.insert(s("TableName"), s("second"));
        renamed.insert(s("TableCreationParameters"), params);
        const ApiError conflict = fail("ImportTable", renamed);
        QCOMPARE(conflict.type(), s("ImportConflictException"));
        QCOMPARE(conflict.message(), s("Import conflict: Duplicate request detected with conflicting parameters"));
        // Once the table is gone, the token gives the old import back.
        api::Engine::beginTurn();
        ok("DeleteTable", json(R"({"TableName":"first"})"));
        QVERIFY(!api::Engine::endTurn());
        QCOMPARE(ok("ImportTable", req).value(s("ImportTableDescription")).toObject().value(s("ImportArn")).toString(), arn);
        QCOMPARE(fail("DescribeTable", json(R"({"TableName":"first"})")).type(), s("ResourceNotFoundException"));

        // Refusals that create nothing.
        createTable("taken");
        QCOMPARE(fail("ImportTable", importRequest("taken", "inb", s(""), "DYNAMODB_JSON", "NONE")).message(), s("Table already exists: taken"));
        QJsonObject noToken = importRequest("tt1", "inb", s(""), "DYNAMODB_JSON", "NONE");
        noToken.remove(s("ClientToken"));
        QCOMPARE(fail("ImportTable", noToken).type(), s("ValidationException"));
        QCOMPARE(fail("ImportTable", importRequest("tt2", "inb", s(""), "DYNAMODB_JSON", "NONE",
                                                   QJsonObject{{s("InputFormatOptions"), QJsonObject{{s("Csv"), QJsonObject{{s("Delimiter"), s(";")}}}}}}))
                     .message(),
                 s("Invalid Request: Unsupported InputFormatOptions for the given input format: DYNAMODB_JSON."));
        QJsonObject provisioned = importRequest("tt3", "inb", s(""), "DYNAMODB_JSON", "NONE");
        params = provisioned.value(s("TableCreationParameters")).toObject();
        params.remove(s("BillingMode"));
        provisioned.insert(s("TableCreationParameters"), params);
        QCOMPARE(fail("ImportTable", provisioned).message(),
                 s("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"));
        QCOMPARE(fail("ImportTable", importRequest("tt4", "inb", s(""), "DYNAMODB_JSON", "BZIP2")).type(), s("ValidationException"));
        QCOMPARE(fail("ImportTable", importRequest("tt5", "inb", s(""), "PARQUET", "NONE")).type(), s("ValidationException"));
        for (const char *name : {"tt1", "tt2", "tt3", "tt4", "tt5"})
            QCOMPARE(fail("DescribeTable", QJsonObject{{s("TableName"), s(name)}}).type(), s("ResourceNotFoundException"));
        QCOMPARE(fail("DescribeImport", QJsonObject{{s("ImportArn"), arnOf("first")}}).message(), s("Invalid Import ARN"));
        QCOMPARE(fail("DescribeImport", QJsonObject{{s("ImportArn"), arnOf("first") + s("/import/01700000000000-00000000")}}).type(),
                 s("ImportNotFoundException"));
    }

    void listImportsPages()
    {
        open();
        makeBucket("inb");
        QStringList arns;
        for (int i = 0; i < 5; ++i) {
            m_clock.advanceMs(1000);
            arns.prepend(importAndWait(importRequest(qPrintable(QStringLiteral("imp%1").arg(i)), "inb", s(""), "DYNAMODB_JSON", "NONE")).value(s("ImportArn")).toString());
        }
        QStringList listed;
        QString token;
        do {
            QJsonObject req{{s("PageSize"), 2}};
            if (!token.isEmpty())
                req.insert(s("NextToken"), token);
            const QJsonObject page = ok("ListImports", req);
            for (const QJsonValue &v : page.value(s("ImportSummaryList")).toArray()) {
                const QJsonObject o = v.toObject();
                listed << o.value(s("ImportArn")).toString();
                QCOMPARE(o.value(s("ImportStatus")).toString(), s("COMPLETED"));
                QVERIFY(o.contains(s("EndTime")) && o.contains(s("CloudWatchLogGroupArn")) && o.contains(s("S3BucketSource")));
                QVERIFY(!o.contains(s("ImportedItemCount")) && !o.contains(s("TableCreationParameters")));
            }
            token = page.value(s("NextToken")).toString();
            QVERIFY2(token.isEmpty() || QRegularExpression(s("^([0-9a-f]{16}){7,}$")).match(token).hasMatch(), qPrintable(token));
        } while (!token.isEmpty());
        QCOMPARE(listed, arns);
        QCOMPARE(ok("ListImports", QJsonObject{{s("TableArn"), arnOf("imp3")}}).value(s("ImportSummaryList")).toArray().size(), 1);
        QCOMPARE(fail("ListImports", QJsonObject{{s("NextToken"), QString(112, QLatin1Char('0'))}}).type(), s("ValidationException"));
        QCOMPARE(fail("ListImports", QJsonObject{{s("PageSize"), 26}}).type(), s("ValidationException"));
    }

    // A restart while an import loads: its table is dropped and the import
    // FAILED, or, had it finished, complete; never a partial ACTIVE table.
    void restartDuringImport()
    {
        open();
        makeBucket("big");
        QByteArray lines;
        constexpr int kItems = 200000;
        for (int i = 0; i < kItems; ++i)
            lines += "{\"Item\":{\"pk\":{\"S\":\"k" + QByteArray::number(i) + "\"},\"sk\":{\"N\":\"" + QByteArray::number(i % 10) + "\"},\"v\":{\"S\":\"some padding text\"}}}\n";
        writeFile(m_s3 + s("/big/all.json.gz"), migration::gzip(lines));
        const QString arn = ok("ImportTable", importRequest("huge", "big", s(""), "DYNAMODB_JSON", "GZIP"))
                                .value(s("ImportTableDescription")).toObject().value(s("ImportArn")).toString();
        QVERIFY(!arn.isEmpty());
        open(100000, true);
        const QJsonObject d = ok("DescribeImport", QJsonObject{{s("ImportArn"), arn}}).value(s("ImportTableDescription")).toObject();
        if (d.value(s("ImportStatus")).toString() == u"FAILED") {
            QCOMPARE(d.value(s("FailureMessage")).toString(), s("The export or import was interrupted: the server stopped before it finished"));
            QCOMPARE(fail("DescribeTable", json(R"({"TableName":"huge"})")).type(), s("ResourceNotFoundException"));
        } else {
            QCOMPARE(d.value(s("ImportStatus")).toString(), s("COMPLETED"));
            QCOMPARE(ok("DescribeTable", json(R"({"TableName":"huge"})")).value(s("Table")).toObject().value(s("ItemCount")).toInt(), kItems);
        }
        // The name is free again (or the table whole): an import of it works.
        if (d.value(s("ImportStatus")).toString() == u"FAILED") {
            const QJsonObject again = importAndWait(importRequest("huge", "big", s(""), "DYNAMODB_JSON", "GZIP"));
            QCOMPARE(again.value(s("ImportStatus")).toString(), s("COMPLETED"));
            QCOMPARE(again.value(s("ImportedItemCount")).toInt(), kItems);
        }
    }

    // Two requests with one ClientToken at the same time make one export.
    void concurrentTokenReuse()
    {
        open();
        makeBucket("bkt");
        createTable("tbl");
        enablePitr("tbl");
        constexpr int kTokens = 20;
        QStringList arns[2];
        auto run = [&](int side) {
            for (int i = 0; i < kTokens; ++i) {
                auto r = m_engine->call(m_ctx, s("ExportTableToPointInTime"),
                                        QJsonObject{{s("TableArn"), arnOf("tbl")}, {s("S3Bucket"), s("bkt")}, {s("ClientToken"), QStringLiteral("tok-%1").arg(i)}});
                arns[side] << (r.ok() ? QJsonDocument::fromJson(*r).object().value(s("ExportDescription")).toObject().value(s("ExportArn")).toString()
                                      : r.error().type());
            }
        };
        std::thread other(run, 1);
        run(0);
        other.join();
        QCOMPARE(arns[0], arns[1]);
        QCOMPARE(QSet<QString>(arns[0].begin(), arns[0].end()).size(), kTokens);
        QCOMPARE(ok("ListExports", QJsonObject{{s("MaxResults"), 25}}).value(s("ExportSummaries")).toArray().size(), kTokens);
        for (const QString &arn : std::as_const(arns[0]))
            QCOMPARE(waitFor("DescribeExport", "ExportArn", arn).value(s("ExportStatus")).toString(), s("COMPLETED"));
    }

    // Dynamodesk's own bucket operations, for the desktop app.
    void localBucketOperations()
    {
        open();
        makeBucket("first");
        QCOMPARE(ok("Dynamodesk.ListLocalBuckets", QJsonObject()),
                 (QJsonObject{{s("Folder"), QDir(m_s3).absolutePath()}, {s("Buckets"), QJsonArray{s("first")}}}));
        QCOMPARE(ok("Dynamodesk.CreateLocalBucket", json(R"({"BucketName":"second.b"})")).value(s("Folder")).toString(),
                 QDir(m_s3).absolutePath() + s("/second.b"));
        QVERIFY(QDir(m_s3 + s("/second.b")).exists());
        ok("Dynamodesk.CreateLocalBucket", json(R"({"BucketName":"second.b"})")); // already there: nothing to do
        for (const char *bad : {R"({"BucketName":"../up"})", R"({"BucketName":"a"})", R"({"BucketName":"x/y"})", R"({})"})
            QCOMPARE(fail("Dynamodesk.CreateLocalBucket", QByteArray(bad)).type(), s("ValidationException"));
        QCOMPARE(ok("Dynamodesk.ListLocalBuckets", QJsonObject()).value(s("Buckets")).toArray(), (QJsonArray{s("first"), s("second.b")}));
        QVERIFY(!QDir(m_s3 + s("/../up")).exists());
    }

    // In memory, the buckets live in a temporary folder that goes with the engine.
    void inMemoryBuckets()
    {
        m_engine.reset();
        api::EngineOptions o;
        o.inMemory = true;
        o.clock = &m_clock;
        o.pitrMaintenanceIntervalMs = 0;
        m_engine = std::move(api::Engine::open(o).value());
        const QString folder = m_engine->bucketsFolder();
        QVERIFY(QDir(folder).exists());
        QVERIFY(QDir().mkpath(folder + s("/mem")));
        createTable("tbl");
        enablePitr("tbl");
        put("tbl", s("a"), 1, s("x"));
        m_clock.advanceMs(1000);
        const QJsonObject done = exportAndWait(QJsonObject{{s("TableArn"), arnOf("tbl")}, {s("S3Bucket"), s("mem")}});
        QCOMPARE(done.value(s("ExportStatus")).toString(), s("COMPLETED"));
        QVERIFY(QFile::exists(folder + s("/mem/") + done.value(s("ExportManifest")).toString()));
        m_engine.reset();
        QVERIFY(!QDir(folder).exists());
    }
};

QTEST_GUILESS_MAIN(TstMigration)
#include "tst_migration.moc"
