// CBOR (RFC 8949) as the DAX protocol uses it: a value type, a scanner that
// tells when top-level items are complete as bytes arrive (the protocol
// frames nothing: a request is a run of bare top-level items), a decoder of
// complete items and a writer. Only what DAX needs: definite and indefinite
// lengths, tags, half/single/double floats; no canonical-form checks.
// Threads: value types and plain functions; one scanner or writer per thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace dd::daxwire {

// One decoded CBOR data item.
struct CborValue {
    enum Type : quint8 { UInt, NegInt, Bytes, Text, Array, Map, Tag, Simple, Float };
    static constexpr quint64 kFalse = 20, kTrue = 21, kNull = 22, kUndefined = 23;

    Type type = Simple;
    quint64 number = kNull;        // UInt: the value; NegInt: n for the value -1-n; Tag: its number; Simple: its value
    double real = 0;               // Float (half and single floats widened)
    QByteArray bytes;              // Bytes; Text as UTF-8 (indefinite strings joined)
    std::vector<CborValue> items;  // Array: elements; Map: key, value, key, value...; Tag: its one content

    bool isNull() const { return type == Simple && (number == kNull || number == kUndefined); }
    bool isBool() const { return type == Simple && (number == kFalse || number == kTrue); }
    bool isTrue() const { return type == Simple && number == kTrue; }
    bool isInteger() const { return type == UInt || type == NegInt; }
    bool isTag(quint64 tag) const { return type == Tag && number == tag && items.size() == 1; }
    qsizetype mapSize() const { return qsizetype(items.size() / 2); }
    const CborValue &mapKey(qsizetype i) const { return items[size_t(2 * i)]; }
    const CborValue &mapValue(qsizetype i) const { return items[size_t(2 * i + 1)]; }
    // The value of an integer that fits a qint64; nothing otherwise.
    std::optional<qint64> toInt64() const;
    // The value under integer key `key` of a Map; null if absent.
    const CborValue *find(qint64 key) const;
    QString text() const { return QString::fromUtf8(bytes); } // Text (or Bytes) as a string

    static CborValue integer(qint64 v);
    static CborValue ofText(const QString &s);
    static CborValue ofBytes(const QByteArray &b);
};

// Follows a stream of CBOR bytes and says where each top-level item ends,
// without decoding: it keeps its place (nesting, string bytes still to
// come) between calls, so each byte is looked at once however the bytes
// are split.
class CborScanner {
public:
    enum class Status { NeedMore, Complete, Invalid };
    static constexpr int kMaxDepth = 256; // deeper nesting is Invalid (DynamoDB's own limits are far lower)

    // Scans `data` from position() on. Complete: the top-level item that
    // started at the last reset ends at position(). NeedMore: every byte up
    // to the end of `data` belongs to an item not finished yet (scan again
    // with the same bytes and more appended). Invalid: not CBOR (a reserved
    // header, a break outside an indefinite item, too deep, a string longer
    // than `maxStringBytes`).
    Status scan(QByteArrayView data, qint64 maxStringBytes = 64LL * 1024 * 1024);
    qsizetype position() const { return m_pos; }
    // Starts over at `position` (after a complete item, or when the caller
    // drops consumed bytes from the front of its buffer).
    void reset(qsizetype position);

private:
    struct Frame {
        qint64 remaining; // items still expected; -1: indefinite, until a break
    };
    bool itemDone(); // true when a top-level item just ended

    qsizetype m_pos = 0;
    qint64 m_stringLeft = 0; // payload bytes of a string still to skip
    std::vector<Frame> m_stack;
};

// Decodes the complete item at *pos (the scanner said Complete) and moves
// *pos past it; nothing if the bytes are not one well-formed item.
std::optional<CborValue> decodeCbor(QByteArrayView data, qsizetype *pos);
// Decodes all of `data` as one item; nothing if it is not exactly one.
std::optional<CborValue> decodeCborItem(QByteArrayView data);

// Appends CBOR to a byte array, shortest headers, definite lengths unless
// asked for an indefinite map.
class CborWriter {
public:
    explicit CborWriter(QByteArray *out) : m_out(out) {}

    void uint(quint64 v) { head(0, v); }
    void negint(quint64 n) { head(1, n); } // the value -1-n
    void integer(qint64 v) { v < 0 ? head(1, quint64(-(v + 1))) : head(0, quint64(v)); }
    void bytes(QByteArrayView b);
    void text(QStringView s);
    void textUtf8(QByteArrayView utf8);
    void arrayHeader(quint64 n) { head(4, n); }
    void mapHeader(quint64 n) { head(5, n); }
    void beginIndefiniteMap() { m_out->append(char(0xbf)); }
    void endIndefinite() { m_out->append(char(0xff)); }
    void tag(quint64 t) { head(6, t); }
    void boolean(bool b) { m_out->append(char(b ? 0xf5 : 0xf4)); }
    void null() { m_out->append(char(0xf6)); }
    void float64(double d); // only where DAX requires floats (ItemCollectionMetrics)
    void raw(QByteArrayView encoded) { m_out->append(encoded); } // an item encoded elsewhere
    void value(const CborValue &v);                           // any decoded value, as it was

    QByteArray *out() const { return m_out; }

private:
    void head(int major, quint64 argument);
    QByteArray *m_out; // not owned
};

} // namespace dd::daxwire
