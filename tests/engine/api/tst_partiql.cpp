// PartiQL through Engine::call: ExecuteStatement's SELECT (as Query, as
// Scan, IN on the partition key, ORDER BY, projections, Limit and
// NextToken), INSERT of every kind of value, UPDATE and DELETE with their
// conditions and RETURNING, the errors DynamoDB gives (and that they change
// nothing), BatchExecuteStatement's per-statement answers, and
// ExecuteTransaction's all or nothing.
//
// (Statements are ordinary string literals: moc drops a test class whose
// raw string literals hold a quote.)
#include "api/engine.h"
#include "enginecalls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace dd;

namespace {

QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }
QJsonArray jsonArray(const char *text) { return QJsonDocument::fromJson(text).array(); }

QJsonObject statement(const QString &text, const char *parameters = nullptr)
{
    QJsonObject r{{QStringLiteral("Statement"), text}};
    if (parameters)
        r.insert(QStringLiteral("Parameters"), jsonArray(parameters));
    return r;
}

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out << QString::fromUtf8(s);
    return out;
}

// The values of attribute `name` of `items`, as text ("S" or "N").
QStringList column(const QJsonArray &items, const char *name)
{
    QStringList out;
    for (const QJsonValue &i : items) {
        const QJsonObject v = i.toObject().value(QLatin1String(name)).toObject();
        out << (v.contains(QStringLiteral("S")) ? v.value(QStringLiteral("S")).toString() : v.value(QStringLiteral("N")).toString());
    }
    return out;
}

} // namespace

class TestPartiql : public QObject, test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TestPartiql() override { m_engine.reset(); }

    QJsonObject exec(const QString &text, const char *parameters = nullptr) { return ok("ExecuteStatement", statement(text, parameters)); }
    ApiError execFails(const QString &text, const char *parameters = nullptr) { return fail("ExecuteStatement", statement(text, parameters)); }
    QJsonObject getSong(const char *artist, const char *title)
    {
        return ok("GetItem", QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Music")},
                                         {QStringLiteral("Key"), QJsonObject{{QStringLiteral("Artist"), QJsonObject{{QStringLiteral("S"), QLatin1String(artist)}}},
                                                                             {QStringLiteral("SongTitle"), QJsonObject{{QStringLiteral("S"), QLatin1String(title)}}}}}})
            .value(QStringLiteral("Item"))
            .toObject();
    }
    // Every page of a SELECT with `limit`, following NextToken.
    QJsonArray allPages(const QString &text, int limit, int *pages = nullptr)
    {
        QJsonArray items;
        QJsonObject r = statement(text);
        r.insert(QStringLiteral("Limit"), limit);
        int n = 0;
        for (; n < 1000; ++n) {
            const QJsonObject out = ok("ExecuteStatement", r);
            for (const QJsonValue &i : out.value(QStringLiteral("Items")).toArray())
                items.append(i);
            if (!out.contains(QStringLiteral("NextToken")))
                break;
            r.insert(QStringLiteral("NextToken"), out.value(QStringLiteral("NextToken")));
        }
        if (pages)
            *pages = n + 1;
        return items;
    }

private slots:
    void init()
    {
        openQuiet(QString(), true);
        ok("CreateTable", json("{\"TableName\": \"Music\", \"BillingMode\": \"PAY_PER_REQUEST\","
                               " \"AttributeDefinitions\": [{\"AttributeName\": \"Artist\", \"AttributeType\": \"S\"},"
                               "   {\"AttributeName\": \"SongTitle\", \"AttributeType\": \"S\"}, {\"AttributeName\": \"Album\", \"AttributeType\": \"S\"}],"
                               " \"KeySchema\": [{\"AttributeName\": \"Artist\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"SongTitle\", \"KeyType\": \"RANGE\"}],"
                               " \"GlobalSecondaryIndexes\": [{\"IndexName\": \"ByAlbum\", \"KeySchema\": [{\"AttributeName\": \"Album\", \"KeyType\": \"HASH\"}],"
                               "   \"Projection\": {\"ProjectionType\": \"ALL\"}}]}"));
        // Three artists with five songs each, on two albums.
        for (const char *artist : {"Acme", "Band", "Choir"}) {
            for (int i = 1; i <= 5; ++i) {
                exec(QStringLiteral("INSERT INTO Music VALUE {'Artist': '%1', 'SongTitle': 'Song %2', 'Album': '%1 %3', 'Plays': %4}")
                         .arg(QLatin1String(artist))
                         .arg(i)
                         .arg(i <= 3 ? QStringLiteral("One") : QStringLiteral("Two"))
                         .arg(i * 10));
            }
        }
    }

    void insertTakesEveryKindOfValue()
    {
        exec(QStringLiteral("INSERT INTO \"Music\" VALUE {'Artist': 'Dee', 'SongTitle': 'It''s', 'n': -1.5e3, 'b': true, 'f': FALSE, 'z': null,"
                            " 'm': {'inner': [1, 'two', <<'a', 'b'>>]}, 'ns': <<1, 2>>, 'bin': ?, 'bs': ?, 'p': ?}"),
             "[{\"B\": \"AAE=\"}, {\"BS\": [\"AAE=\", \"AAI=\"]}, {\"S\": \"parameter\"}]");
        const QJsonObject item = getSong("Dee", "It's");
        QCOMPARE(item, json("{\"Artist\": {\"S\": \"Dee\"}, \"SongTitle\": {\"S\": \"It's\"}, \"n\": {\"N\": \"-1500\"}, \"b\": {\"BOOL\": true},"
                            " \"f\": {\"BOOL\": false}, \"z\": {\"NULL\": true},"
                            " \"m\": {\"M\": {\"inner\": {\"L\": [{\"N\": \"1\"}, {\"S\": \"two\"}, {\"SS\": [\"a\", \"b\"]}]}}},"
                            " \"ns\": {\"NS\": [\"1\", \"2\"]}, \"bin\": {\"B\": \"AAE=\"}, \"bs\": {\"BS\": [\"AAE=\", \"AAI=\"]}, \"p\": {\"S\": \"parameter\"}}"));
    }

    void insertOfAnExistingItemIsADuplicate()
    {
        const ApiError e = execFails(QStringLiteral("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'Song 1', 'Plays': 0}"));
        QCOMPARE(e.type(), QStringLiteral("DuplicateItemException"));
        QCOMPARE(e.message(), QStringLiteral("Duplicate primary key exists in table"));
        QCOMPARE(getSong("Acme", "Song 1").value(QStringLiteral("Plays")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("10"));
    }

    void selectByPartitionKeyIsAQueryInKeyOrder()
    {
        QCOMPARE(column(exec(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Band'")).value(QStringLiteral("Items")).toArray(), "SongTitle"),
                 strings({"Song 1", "Song 2", "Song 3", "Song 4", "Song 5"}));
        QCOMPARE(column(exec(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Band' ORDER BY SongTitle DESC")).value(QStringLiteral("Items")).toArray(),
                        "SongTitle"),
                 strings({"Song 5", "Song 4", "Song 3", "Song 2", "Song 1"}));
        // Sort-key conditions, and a filter on another attribute.
        QCOMPARE(column(exec(QStringLiteral("SELECT SongTitle FROM Music WHERE Artist = 'Band' AND SongTitle BETWEEN 'Song 2' AND 'Song 4'"))
                            .value(QStringLiteral("Items")).toArray(), "SongTitle"),
                 strings({"Song 2", "Song 3", "Song 4"}));
        QCOMPARE(column(exec(QStringLiteral("SELECT * FROM Music WHERE 'Band' = Artist AND SongTitle > 'Song 3' AND Plays < 50"))
                            .value(QStringLiteral("Items")).toArray(), "Plays"),
                 strings({"40"}));
        QCOMPARE(column(exec(QStringLiteral("SELECT * FROM Music WHERE Artist = ? AND begins_with(SongTitle, ?)"), "[{\"S\": \"Band\"}, {\"S\": \"Song 1\"}]")
                            .value(QStringLiteral("Items")).toArray(), "SongTitle"),
                 strings({"Song 1"}));
        // A projection: those attributes only.
        const QJsonArray projected = exec(QStringLiteral("SELECT Plays, SongTitle FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Song 2'"))
                                         .value(QStringLiteral("Items")).toArray();
        QCOMPARE(projected, jsonArray("[{\"Plays\": {\"N\": \"20\"}, \"SongTitle\": {\"S\": \"Song 2\"}}]"));
    }

    void selectWithoutThePartitionKeyScans()
    {
        QCOMPARE(exec(QStringLiteral("SELECT * FROM Music")).value(QStringLiteral("Items")).toArray().size(), 15);
        QStringList plays = column(exec(QStringLiteral("SELECT * FROM Music WHERE Plays >= 40 OR SongTitle = 'Song 1'")).value(QStringLiteral("Items")).toArray(), "Plays");
        plays.sort();
        QCOMPARE(plays, strings({"10", "10", "10", "40", "40", "40", "50", "50", "50"}));
        QCOMPARE(exec(QStringLiteral("SELECT * FROM Music WHERE Album IS MISSING")).value(QStringLiteral("Items")).toArray().size(), 0);
        QCOMPARE(exec(QStringLiteral("SELECT * FROM Music WHERE Plays IN [10, 20] AND NOT contains(Album, 'Two')")).value(QStringLiteral("Items")).toArray().size(), 6);
        // A key attribute in the rest of the WHERE as well: the same items as a Scan finds.
        QCOMPARE(column(exec(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Choir' AND SongTitle <> 'Song 3'")).value(QStringLiteral("Items")).toArray(), "SongTitle").size(), 4);
        // An index.
        QStringList songs = column(exec(QStringLiteral("SELECT * FROM \"Music\".\"ByAlbum\" WHERE Album = 'Choir Two'")).value(QStringLiteral("Items")).toArray(), "SongTitle");
        songs.sort();
        QCOMPARE(songs, strings({"Song 4", "Song 5"}));
    }

    void inOnThePartitionKeyQueriesEachValue()
    {
        const QJsonArray items = exec(QStringLiteral("SELECT * FROM Music WHERE Artist IN ['Choir', 'Acme'] AND SongTitle <= 'Song 2'")).value(QStringLiteral("Items")).toArray();
        QCOMPARE(column(items, "Artist"), strings({"Choir", "Choir", "Acme", "Acme"}));
        QCOMPARE(column(items, "SongTitle"), strings({"Song 1", "Song 2", "Song 1", "Song 2"}));        // pk = a OR pk = b: the same.
        QCOMPARE(exec(QStringLiteral("SELECT * FROM Music WHERE (Artist = 'Choir' OR Artist = 'Acme') AND SongTitle <= 'Song 2'")).value(QStringLiteral("Items")).toArray(),
                 items);
        // A value given twice reads its partition once.
        QCOMPARE(exec(QStringLiteral("SELECT * FROM Music WHERE Artist IN ['Choir', 'Acme', 'Choir'] AND SongTitle <= 'Song 2'")).value(QStringLiteral("Items")).toArray(),
                 items);
        QCOMPARE(exec(QStringLiteral("SELECT * FROM Music WHERE (Artist = 'Acme' OR Artist = 'Acme') AND SongTitle <= 'Song 2'")).value(QStringLiteral("Items")).toArray().size(), 2);
        // ORDER BY the partition key: the partitions in key order, whatever the order written.
        QCOMPARE(column(exec(QStringLiteral("SELECT * FROM Music WHERE Artist IN ['Choir', 'Acme'] AND SongTitle <= 'Song 2' ORDER BY Artist")).value(QStringLiteral("Items")).toArray(), "Artist"),
                 strings({"Acme", "Acme", "Choir", "Choir"}));
        QCOMPARE(column(exec(QStringLiteral("SELECT * FROM Music WHERE Artist IN ['Acme', 'Choir'] AND SongTitle <= 'Song 2' ORDER BY Artist DESC")).value(QStringLiteral("Items")).toArray(), "SongTitle"),
                 strings({"Song 2", "Song 1", "Song 2", "Song 1"}));
        QCOMPARE(column(exec(QStringLiteral("SELECT * FROM Music WHERE Artist IN ['Acme', 'Choir'] AND SongTitle <= 'Song 2' ORDER BY Artist DESC")).value(QStringLiteral("Items")).toArray(), "Artist"),
                 strings({"Choir", "Choir", "Acme", "Acme"}));
        // A list of keys, each with its own direction.
        const QJsonArray both = exec(QStringLiteral("SELECT * FROM Music WHERE Artist IN ['Choir', 'Acme'] AND SongTitle <= 'Song 2' "
                                                    "ORDER BY Artist, SongTitle DESC")).value(QStringLiteral("Items")).toArray();
        QCOMPARE(column(both, "Artist"), strings({"Acme", "Acme", "Choir", "Choir"}));
        QCOMPARE(column(both, "SongTitle"), strings({"Song 2", "Song 1", "Song 2", "Song 1"}));
        QCOMPARE(column(exec(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme' AND SongTitle <= 'Song 2' ORDER BY SongTitle DESC, Artist ASC"))
                            .value(QStringLiteral("Items")).toArray(), "SongTitle"),
                 strings({"Song 2", "Song 1"}));
    }

    // The 1 MB a page may read is counted on what the values' Queries read,
    // not on the projected items: six 300 KB items over three partitions,
    // selected by their keys alone, take more than one page.
    void inOnThePartitionKeyPagesByBytesRead()
    {
        const QString pad(300 * 1000, u'x');
        for (const char *artist : {"Big1", "Big2", "Big3"})
            for (const char *song : {"a", "b"})
                ok("PutItem", {{QStringLiteral("TableName"), QStringLiteral("Music")},
                               {QStringLiteral("Item"), QJsonObject{{QStringLiteral("Artist"), QJsonObject{{QStringLiteral("S"), QLatin1String(artist)}}},
                                                                    {QStringLiteral("SongTitle"), QJsonObject{{QStringLiteral("S"), QLatin1String(song)}}},
                                                                    {QStringLiteral("pad"), QJsonObject{{QStringLiteral("S"), pad}}}}}});
        QJsonObject req = statement(QStringLiteral("SELECT Artist, SongTitle FROM Music WHERE Artist IN ['Big1', 'Big2', 'Big3']"));
        int pages = 0;
        QStringList seen;
        for (;;) {
            const QJsonObject r = ok("ExecuteStatement", req);
            ++pages;
            seen += column(r.value(QStringLiteral("Items")).toArray(), "SongTitle");
            QVERIFY(!r.contains(QStringLiteral("ConsumedCapacity"))); // not asked for
            if (!r.contains(QStringLiteral("NextToken")))
                break;
            req.insert(QStringLiteral("NextToken"), r.value(QStringLiteral("NextToken")));
        }
        QCOMPARE(seen.size(), 6);
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
    }

    void pagesFollowNextToken_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        QTest::newRow("query") << QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme'") << 5;
        QTest::newRow("scan") << QStringLiteral("SELECT * FROM Music") << 15;
        QTest::newRow("scan with filter") << QStringLiteral("SELECT * FROM Music WHERE Plays > 20") << 9;
        QTest::newRow("in") << QStringLiteral("SELECT * FROM Music WHERE Artist IN ('Acme', 'Band', 'Nobody', 'Choir')") << 15;
        QTest::newRow("descending") << QStringLiteral("SELECT * FROM Music WHERE Artist = 'Choir' ORDER BY SongTitle DESC") << 5;
    }

    void pagesFollowNextToken()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const QJsonArray whole = exec(text).value(QStringLiteral("Items")).toArray();
        QCOMPARE(whole.size(), expected);
        for (int limit : {1, 2, 4, 100}) {
            int pages = 0;
            QCOMPARE(allPages(text, limit, &pages), whole);
            QVERIFY2(limit >= 15 || pages > 1, qPrintable(QString::number(pages)));
        }
    }

    void updateChangesOneExistingItem()
    {
        const QJsonObject out = exec(QStringLiteral("UPDATE Music SET Plays = Plays + 5 SET Tags = <<'rock'>>, Extra = {'a': [1]}"
                                                    " REMOVE Album WHERE Artist = 'Acme' AND SongTitle = 'Song 1' RETURNING ALL NEW *"));
        QCOMPARE(out.value(QStringLiteral("Items")).toArray(),
                 jsonArray("[{\"Artist\": {\"S\": \"Acme\"}, \"SongTitle\": {\"S\": \"Song 1\"}, \"Plays\": {\"N\": \"15\"},"
                           " \"Tags\": {\"SS\": [\"rock\"]}, \"Extra\": {\"M\": {\"a\": {\"L\": [{\"N\": \"1\"}]}}}}]"));
        exec(QStringLiteral("UPDATE Music SET Tags = set_add(Tags, <<'pop', 'jazz'>>) SET Extra.a = list_append(Extra.a, [2])"
                            " WHERE Artist = 'Acme' AND SongTitle = 'Song 1'"));
        exec(QStringLiteral("UPDATE Music SET Tags = set_delete(Tags, <<'rock'>>) REMOVE Extra.a[0] WHERE Artist = 'Acme' AND SongTitle = 'Song 1'"));
        const QJsonObject item = getSong("Acme", "Song 1");
        QCOMPARE(item.value(QStringLiteral("Tags")).toObject().value(QStringLiteral("SS")).toArray(), jsonArray("[\"jazz\", \"pop\"]"));
        QCOMPARE(item.value(QStringLiteral("Extra")).toObject(), json("{\"M\": {\"a\": {\"L\": [{\"N\": \"2\"}]}}}"));
        // RETURNING MODIFIED OLD *: the attributes the update changed, as they were.
        QCOMPARE(exec(QStringLiteral("UPDATE Music SET Plays = 1 WHERE Artist = 'Acme' AND SongTitle = 'Song 1' RETURNING MODIFIED OLD *"))
                     .value(QStringLiteral("Items")).toArray(),
                 jsonArray("[{\"Plays\": {\"N\": \"15\"}}]"));
    }

    void updateOfAMissingItemOrAFailedConditionChangesNothing()
    {
        ApiError e = execFails(QStringLiteral("UPDATE Music SET Plays = 1 WHERE Artist = 'Acme' AND SongTitle = 'Song 9'"));
        QCOMPARE(e.type(), QStringLiteral("ConditionalCheckFailedException"));
        QVERIFY(getSong("Acme", "Song 9").isEmpty());
        e = execFails(QStringLiteral("UPDATE Music SET Plays = 1 WHERE Artist = 'Acme' AND SongTitle = 'Song 1' AND Plays > 10"));
        QCOMPARE(e.type(), QStringLiteral("ConditionalCheckFailedException"));
        QCOMPARE(getSong("Acme", "Song 1").value(QStringLiteral("Plays")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("10"));
        exec(QStringLiteral("UPDATE Music SET Plays = 11 WHERE Artist = 'Acme' AND SongTitle = 'Song 1' AND Plays = 10"));
        QCOMPARE(getSong("Acme", "Song 1").value(QStringLiteral("Plays")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("11"));
    }

    void conditionFailureCanReturnTheItem()
    {
        QJsonObject r = statement(QStringLiteral("UPDATE Music SET Plays = 1 WHERE Artist = 'Acme' AND SongTitle = 'Song 2' AND Plays = 0"));
        r.insert(QStringLiteral("ReturnValuesOnConditionCheckFailure"), QStringLiteral("ALL_OLD"));
        const ApiError e = fail("ExecuteStatement", r);
        QCOMPARE(e.type(), QStringLiteral("ConditionalCheckFailedException"));
        QCOMPARE(e.extra().value(QStringLiteral("Item")).toObject().value(QStringLiteral("Plays")).toObject(), json("{\"N\": \"20\"}"));
    }

    void deleteRemovesOneItem()
    {
        QCOMPARE(execFails(QStringLiteral("DELETE FROM Music WHERE Artist = 'Band' AND SongTitle = 'Song 2' AND Plays = 99")).type(),
                 QStringLiteral("ConditionalCheckFailedException"));
        QVERIFY(!getSong("Band", "Song 2").isEmpty());
        const QJsonObject out = exec(QStringLiteral("DELETE FROM Music WHERE Artist = 'Band' AND SongTitle = 'Song 2' RETURNING ALL OLD *"));
        QCOMPARE(column(out.value(QStringLiteral("Items")).toArray(), "Plays"), strings({"20"}));
        QVERIFY(getSong("Band", "Song 2").isEmpty());
        QCOMPARE(exec(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Band'")).value(QStringLiteral("Items")).toArray().size(), 4);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parameters");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        const QString validation = QStringLiteral("ValidationException");
        // Parameters are read as AttributeValues wherever their ? is, with
        // the words of an item's values (not of the expression value ":v0").
        QTest::newRow("parameter not a number") << QStringLiteral("SELECT * FROM Music WHERE Plays = ?") << QStringLiteral(R"([{"N": "abc"}])")
                                                << validation << QStringLiteral("The parameter cannot be converted to a numeric value: abc");
        QTest::newRow("empty parameter") << QStringLiteral("SELECT * FROM Music WHERE Artist IN [?, ?]") << QStringLiteral(R"([{"S": "a"}, {}])")
                                         << validation << QStringLiteral("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        QTest::newRow("not a statement") << QStringLiteral("SELEKT * FROM Music") << QString() << validation
                                         << QStringLiteral("Statement wasn't well formed, can't be processed: Expected data manipulation");
        QTest::newRow("sql insert") << QStringLiteral("INSERT INTO Music (Artist) VALUES ('a')") << QString() << validation
                                    << QStringLiteral("Statement wasn't well formed, can't be processed: Unexpected token");
        QTest::newRow("keyword as a name") << QStringLiteral("SELECT * FROM Music WHERE Artist = 'a' AND value = 3") << QString() << validation
                                           << QStringLiteral("Statement wasn't well formed, can't be processed: Unexpected keyword");
        QTest::newRow("unterminated string") << QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme") << QString() << validation
                                             << QStringLiteral("Statement wasn't well formed, can't be processed: Unexpected end of statement");
        QTest::newRow("limit clause") << QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme' LIMIT 3") << QString() << validation
                                      << QStringLiteral("Unsupported clause: LIMIT");
        QTest::newRow("too few parameters") << QStringLiteral("SELECT * FROM Music WHERE Artist = ? AND SongTitle = ?") << QStringLiteral("[{\"S\": \"a\"}]")
                                            << validation << QStringLiteral("Number of parameters in request and statement don't match.");
        QTest::newRow("too many parameters") << QStringLiteral("SELECT * FROM Music WHERE Artist = ?") << QStringLiteral("[{\"S\": \"a\"}, {\"S\": \"b\"}]")
                                             << validation << QStringLiteral("Number of parameters in request and statement don't match.");
        QTest::newRow("no such table") << QStringLiteral("SELECT * FROM Nothing") << QString() << QStringLiteral("ResourceNotFoundException")
                                       << QStringLiteral("Requested resource not found");
        QTest::newRow("no such index") << QStringLiteral("SELECT * FROM \"Music\".\"Nope\"") << QString() << validation
                                       << QStringLiteral("The table does not have the specified index");
        QTest::newRow("three names") << QStringLiteral("SELECT * FROM a.b.c") << QString() << validation
                                     << QStringLiteral("A path may contain at most 2 components in the FROM clause");
        QTest::newRow("update without the whole key") << QStringLiteral("UPDATE Music SET Plays = 1 WHERE Artist = 'Acme'") << QString() << validation
                                                      << QStringLiteral("Where clause does not contain a mandatory equality on all key attributes");
        QTest::newRow("update without where") << QStringLiteral("UPDATE Music SET Plays = 1") << QString() << validation
                                              << QStringLiteral("Where clause does not contain a mandatory equality on all key attributes");
        QTest::newRow("delete with or") << QStringLiteral("DELETE FROM Music WHERE Artist = 'Acme' OR SongTitle = 'Song 1'") << QString()
                                        << validation << QStringLiteral("Where clause does not contain a mandatory equality on all key attributes");
        QTest::newRow("two values of a key") << QStringLiteral("DELETE FROM Music WHERE Artist = 'Acme' AND Artist = 'Band' AND SongTitle = 'x'") << QString()
                                             << validation
                                             << QStringLiteral("Multiple conditions on same key Artist. Only single item Update/Insert/Delete are supported");
        QTest::newRow("key of the wrong type") << QStringLiteral("DELETE FROM Music WHERE Artist = 1 AND SongTitle = 'x'") << QString() << validation
                                               << QStringLiteral("Key attribute's data type should match its data type in table's schema: Key Artist");
        QTest::newRow("update on an index") << QStringLiteral("UPDATE Music.ByAlbum SET Plays = 1 WHERE Album = 'x'") << QString() << validation
                                            << QStringLiteral("This operation is not supported on an index");
        QTest::newRow("insert into an index") << QStringLiteral("INSERT INTO Music.ByAlbum VALUE {'Album': 'x'}") << QString() << validation
                                              << QStringLiteral("FROM clause may only contain a single table name in data manipulation statements");
        QTest::newRow("insert without a key") << QStringLiteral("INSERT INTO Music VALUE {'Artist': 'Acme'}") << QString() << validation
                                              << QStringLiteral("Key attribute should be present in the item: Key SongTitle");
        QTest::newRow("insert returning") << QStringLiteral("INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 'B'} RETURNING ALL NEW *") << QString()
                                          << validation << QStringLiteral("RETURNING is not supported in INSERT");
        QTest::newRow("delete returning new") << QStringLiteral("DELETE FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Song 1' RETURNING MODIFIED NEW *")
                                              << QString() << validation
                                              << QStringLiteral("Invalid returning clause: RETURNING MODIFIED NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        QTest::newRow("order by without where") << QStringLiteral("SELECT * FROM Music ORDER BY SongTitle") << QString() << validation
                                                << QStringLiteral("Must have WHERE clause in the statement when using ORDER BY clause.");
        QTest::newRow("order by on a scan") << QStringLiteral("SELECT * FROM Music WHERE Plays = 1 ORDER BY SongTitle") << QString() << validation
                                            << QStringLiteral("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
        QTest::newRow("order by a key and a non-key") << QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme' ORDER BY Artist, Plays DESC") << QString() << validation
                                                      << QStringLiteral("Variable reference Plays in ORDER BY clause must be part of the primary key");
        QTest::newRow("order by a non-key") << QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme' ORDER BY Plays") << QString() << validation
                                            << QStringLiteral("Variable reference Plays in ORDER BY clause must be part of the primary key");
        QTest::newRow("ordering a boolean") << QStringLiteral("SELECT * FROM Music WHERE Plays > true") << QString() << validation
                                            << QStringLiteral("Incorrect operand type for operator or function; operator or function: >, operand type: BOOL");
        QTest::newRow("empty set") << QStringLiteral("INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 'B', 's': <<>>}") << QString() << validation
                                   << QStringLiteral("Empty bags are not supported");
        QTest::newRow("mixed set") << QStringLiteral("INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 'B', 's': <<1, 'a'>>}") << QString() << validation
                                   << QStringLiteral("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
        QTest::newRow("unknown function") << QStringLiteral("SELECT * FROM Music WHERE upper(Artist) = 'A'") << QString() << validation
                                          << QStringLiteral("Unrecognized function: upper");
        QTest::newRow("not a condition") << QStringLiteral("SELECT * FROM Music WHERE Plays") << QString() << validation
                                         << QStringLiteral("WHERE clause must contain an expression that resolves to a boolean");
        QTest::newRow("exists alone") << QStringLiteral("EXISTS(SELECT * FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Song 1' AND Plays = 1)") << QString()
                                      << validation << QStringLiteral("EXISTS can only be used in ExecuteTransaction write requests.");
        QTest::newRow("updating a key") << QStringLiteral("UPDATE Music SET SongTitle = 'x' WHERE Artist = 'Acme' AND SongTitle = 'Song 1'") << QString()
                                        << validation
                                        << QStringLiteral("One or more parameter values were invalid: Cannot update attribute SongTitle. This attribute is part of the key");
        QTest::newRow("deep parentheses") << QStringLiteral("SELECT * FROM Music WHERE ") + QString(5000, QLatin1Char('(')) << QString() << validation
                                          << QStringLiteral("Statement wasn't well formed, can't be processed: Nesting is too deep");
        QTest::newRow("deep nots") << QStringLiteral("SELECT * FROM Music WHERE ") + QStringLiteral("NOT ").repeated(2000) + QStringLiteral("Plays = 1")
                                   << QString() << validation << QStringLiteral("Statement wasn't well formed, can't be processed: Nesting is too deep");
        QTest::newRow("deep lists") << QStringLiteral("INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 'B', 'l': ") + QString(4000, QLatin1Char('['))
                                    << QString() << validation << QStringLiteral("Statement wasn't well formed, can't be processed: Nesting is too deep");
        QTest::newRow("bad token") << QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme'") << QString() << validation << QStringLiteral("Invalid NextToken");
        QTest::newRow("token of another statement") << QStringLiteral("SELECT * FROM Music WHERE Artist = 'Band'") << QString() << validation
                                                    << QStringLiteral("NextToken does not match request");
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, parameters);
        QFETCH(QString, type);
        QFETCH(QString, message);
        const QJsonObject before = exec(QStringLiteral("SELECT * FROM Music"));
        QJsonObject request = statement(text, parameters.isEmpty() ? nullptr : qPrintable(parameters));
        if (QByteArray(QTest::currentDataTag()) == "bad token")
            request.insert(QStringLiteral("NextToken"), QStringLiteral("bm90IGEgdG9rZW4"));
        if (QByteArray(QTest::currentDataTag()) == "token of another statement") {
            QJsonObject first = statement(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme'"));
            first.insert(QStringLiteral("Limit"), 1);
            request.insert(QStringLiteral("NextToken"), ok("ExecuteStatement", first).value(QStringLiteral("NextToken")));
        }
        const ApiError e = fail("ExecuteStatement", request);
        QCOMPARE(e.type(), type);
        QCOMPARE(e.message(), message);
        QCOMPARE(exec(QStringLiteral("SELECT * FROM Music")), before);
    }

    void batchAnswersEachStatement()
    {
        QJsonArray writes;
        writes.append(statement(QStringLiteral("INSERT INTO Music VALUE {'Artist': 'Dee', 'SongTitle': 'One'}")));
        writes.append(statement(QStringLiteral("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'Song 1'}")));
        writes.append(statement(QStringLiteral("UPDATE Music SET Plays = 0 WHERE Artist = ? AND SongTitle = ?"), "[{\"S\": \"Band\"}, {\"S\": \"Song 1\"}]"));
        writes.append(statement(QStringLiteral("DELETE FROM Music WHERE Artist = 'Choir' AND SongTitle = 'Song 1'")));
        writes.append(statement(QStringLiteral("UPDATE Music SET Plays = 0 WHERE Artist = 'Acme'")));
        const QJsonArray answers = ok("BatchExecuteStatement", QJsonObject{{QStringLiteral("Statements"), writes}}).value(QStringLiteral("Responses")).toArray();
        QCOMPARE(answers.size(), 5);
        QCOMPARE(answers[0].toObject(), json("{\"TableName\": \"Music\"}"));
        QCOMPARE(answers[1].toObject().value(QStringLiteral("Error")).toObject(),
                 json("{\"Code\": \"DuplicateItem\", \"Message\": \"Duplicate primary key exists in table\"}"));
        QCOMPARE(answers[2].toObject(), json("{\"TableName\": \"Music\"}"));
        QCOMPARE(answers[3].toObject(), json("{\"TableName\": \"Music\"}"));
        // Rejected before it ran: no TableName.
        QCOMPARE(answers[4].toObject(), json("{\"Error\": {\"Code\": \"ValidationError\","
                                             " \"Message\": \"Where clause does not contain a mandatory equality on all key attributes\"}}"));
        QVERIFY(!getSong("Dee", "One").isEmpty());
        QCOMPARE(getSong("Band", "Song 1").value(QStringLiteral("Plays")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("0"));
        QVERIFY(getSong("Choir", "Song 1").isEmpty());

        QJsonArray reads;
        reads.append(statement(QStringLiteral("SELECT Plays FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Song 3'")));
        reads.append(statement(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Song 9'")));
        const QJsonArray got = ok("BatchExecuteStatement", QJsonObject{{QStringLiteral("Statements"), reads}}).value(QStringLiteral("Responses")).toArray();
        QCOMPARE(got, jsonArray("[{\"TableName\": \"Music\", \"Item\": {\"Plays\": {\"N\": \"30\"}}}, {\"TableName\": \"Music\"}]"));

        reads.append(writes[0]);
        QCOMPARE(fail("BatchExecuteStatement", QJsonObject{{QStringLiteral("Statements"), reads}}).message(),
                 QStringLiteral("Read and write requests together in the same batch is not supported."));
    }

    void transactionIsAllOrNothing()
    {
        QJsonArray statements;
        statements.append(statement(QStringLiteral("INSERT INTO Music VALUE {'Artist': 'Dee', 'SongTitle': 'One'}")));
        statements.append(statement(QStringLiteral("UPDATE Music SET Plays = Plays + 1 WHERE Artist = 'Acme' AND SongTitle = 'Song 1'")));
        statements.append(statement(QStringLiteral("EXISTS(SELECT * FROM Music WHERE Artist = 'Band' AND SongTitle = 'Song 1' AND Plays = 999)")));
        ApiError e = fail("ExecuteTransaction", QJsonObject{{QStringLiteral("TransactStatements"), statements}});
        QCOMPARE(e.type(), QStringLiteral("TransactionCanceledException"));
        QCOMPARE(e.message(), QStringLiteral("Transaction cancelled, please refer cancellation reasons for specific reasons [None, None, ConditionalCheckFailed]"));
        QVERIFY(getSong("Dee", "One").isEmpty());
        QCOMPARE(getSong("Acme", "Song 1").value(QStringLiteral("Plays")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("10"));

        // An INSERT of an item that exists cancels it as a duplicate.
        statements[2] = statement(QStringLiteral("INSERT INTO Music VALUE {'Artist': 'Band', 'SongTitle': 'Song 1'}"));
        e = fail("ExecuteTransaction", QJsonObject{{QStringLiteral("TransactStatements"), statements}});
        QCOMPARE(e.message(), QStringLiteral("Transaction cancelled, please refer cancellation reasons for specific reasons [None, None, DuplicateItem]"));
        QCOMPARE(e.extra().value(QStringLiteral("CancellationReasons")).toArray()[2].toObject(),
                 json("{\"Code\": \"DuplicateItem\", \"Message\": \"Duplicate primary key exists in table\"}"));

        statements[2] = statement(QStringLiteral("EXISTS(SELECT * FROM Music WHERE Artist = 'Band' AND SongTitle = 'Song 1' AND Plays = 10)"));
        ok("ExecuteTransaction", QJsonObject{{QStringLiteral("TransactStatements"), statements}});
        QVERIFY(!getSong("Dee", "One").isEmpty());
        QCOMPARE(getSong("Acme", "Song 1").value(QStringLiteral("Plays")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("11"));

        QJsonArray reads;
        reads.append(statement(QStringLiteral("SELECT SongTitle FROM Music WHERE Artist = 'Dee' AND SongTitle = 'One'")));
        reads.append(statement(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Dee' AND SongTitle = 'Two'")));
        QCOMPARE(ok("ExecuteTransaction", QJsonObject{{QStringLiteral("TransactStatements"), reads}}).value(QStringLiteral("Responses")).toArray(),
                 jsonArray("[{\"Item\": {\"SongTitle\": {\"S\": \"One\"}}}, {}]"));
        reads.append(statements[0]);
        QCOMPARE(fail("ExecuteTransaction", QJsonObject{{QStringLiteral("TransactStatements"), reads}}).message(),
                 QStringLiteral("ExecuteTransaction API does not support both read and write operations in the same request."));
        // What a transaction's statement may not do, named by its place.
        reads[2] = statement(QStringLiteral("SELECT * FROM Music.ByAlbum WHERE Album = 'x'"));
        QCOMPARE(fail("ExecuteTransaction", QJsonObject{{QStringLiteral("TransactStatements"), reads}}).message(),
                 QStringLiteral("Validation failed in TransactStatements[2]: Reads on indices are not supported within transactions."));
        statements[1] = statement(QStringLiteral("DELETE FROM Music WHERE Artist = 'Dee' AND SongTitle = 'One' RETURNING ALL OLD *"));
        QCOMPARE(fail("ExecuteTransaction", QJsonObject{{QStringLiteral("TransactStatements"), statements}}).message(),
                 QStringLiteral("Validation failed in TransactStatements[1]: RETURNING clause is not supported in ExecuteTransaction."));
        statements[1] = statement(QStringLiteral("EXISTS(SELECT * FROM Music WHERE Artist = 'Dee' AND SongTitle = 'One')"));
        QCOMPARE(fail("ExecuteTransaction", QJsonObject{{QStringLiteral("TransactStatements"), statements}}).message(),
                 QStringLiteral("Validation failed in TransactStatements[1]: EXISTS() must contain a single item read with additional condition"));
    }
};

QTEST_GUILESS_MAIN(TestPartiql)
#include "tst_partiql.moc"
