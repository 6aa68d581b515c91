#include "daxwire/attributecodec.h"

#include "daxwire/daxnumber.h"

#include <QJsonArray>

#include <algorithm>

namespace dd::daxwire {

namespace {

// The DAX client's tags for DynamoDB's sets (DaxCborTypes.js).
constexpr quint64 kTagStringSet = 3321;
constexpr quint64 kTagNumberSet = 3322;
constexpr quint64 kTagBinarySet = 3323;

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

ApiError invalid(const QString &message) { return ApiError::validation(message); }

QString base64(const QByteArray &b) { return QString::fromLatin1(b.toBase64()); }

Result<QByteArray> fromBase64(const QJsonValue &v)
{
    if (!v.isString())
        return invalid(s("Invalid binary attribute value: not a base64 string"));
    const auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid(s("Invalid binary attribute value: not a base64 string"));
    return *decoded;
}

Result<QString> numberOf(const CborValue &v)
{
    if (std::optional<QString> text = numberText(v))
        return *text;
    return invalid(s("The parameter cannot be converted to a numeric value"));
}

// The one member of a JSON AttributeValue.
bool member(const QJsonObject &av, QString *type, QJsonValue *value)
{
    if (av.size() != 1)
        return false;
    *type = av.constBegin().key();
    *value = av.constBegin().value();
    return true;
}

Result<void> writeNumberText(CborWriter &w, const QJsonValue &v)
{
    if (!v.isString() || !writeNumber(w, v.toString()))
        return invalid(s("The parameter cannot be converted to a numeric value: %1").arg(v.toString()));
    return {};
}

// A key attribute's value of the schema's type, as it appears in a key.
Result<QJsonValue> keyMember(const QJsonObject &item, const QString &name, const QString &type)
{
    const QJsonValue av = item.value(name);
    if (!av.isObject())
        return invalid(s("One of the required keys was not given a value"));
    const QJsonValue v = av.toObject().value(type);
    if (av.toObject().size() != 1 || v.isUndefined())
        return invalid(s("The provided key element does not match the schema"));
    return v;
}

// Writes a hash key attribute as one CBOR item (S text, B bytes, N number).
Result<void> writeKeyItem(CborWriter &w, const QString &type, const QJsonValue &v)
{
    if (type == u"S") {
        w.text(v.toString());
    } else if (type == u"B") {
        DD_ASSIGN(const QByteArray b, fromBase64(v));
        w.bytes(b);
    } else {
        DD_CHECK(writeNumberText(w, v));
    }
    return {};
}

// A key attribute's JSON AttributeValue from its raw bytes (S, B) or its LexDecimal (N).
Result<QJsonObject> rawKeyValue(const QString &type, QByteArrayView bytes)
{
    if (type == u"S")
        return QJsonObject{{s("S"), QString::fromUtf8(bytes)}};
    if (type == u"B")
        return QJsonObject{{s("B"), base64(bytes.toByteArray())}};
    qsizetype used = 0;
    const std::optional<Decimal> d = lexdecimal::decode(bytes, &used);
    if (!d || used != bytes.size())
        return invalid(s("Invalid key: malformed number range key"));
    return QJsonObject{{s("N"), d->text()}};
}

} // namespace

QStringList sortedNames(QStringList names)
{
    std::sort(names.begin(), names.end()); // QString's < compares UTF-16 code units, as JavaScript does
    return names;
}

Result<QJsonObject> attributeValueOf(const CborValue &v)
{
    switch (v.type) {
    case CborValue::Text:
        return QJsonObject{{s("S"), v.text()}};
    case CborValue::Bytes:
        return QJsonObject{{s("B"), base64(v.bytes)}};
    case CborValue::UInt:
    case CborValue::NegInt:
    case CborValue::Float: {
        DD_ASSIGN(const QString n, numberOf(v));
        return QJsonObject{{s("N"), n}};
    }
    case CborValue::Simple:
        if (v.isBool())
            return QJsonObject{{s("BOOL"), v.isTrue()}};
        if (v.isNull())
            return QJsonObject{{s("NULL"), true}};
        return invalid(s("Invalid attribute value: CBOR simple value %1").arg(v.number));
    case CborValue::Array: {
        QJsonArray list;
        for (const CborValue &item : v.items) {
            DD_ASSIGN(const QJsonObject av, attributeValueOf(item));
            list.append(av);
        }
        return QJsonObject{{s("L"), list}};
    }
    case CborValue::Map: {
        QJsonObject map;
        for (qsizetype i = 0; i < v.mapSize(); ++i) {
            if (v.mapKey(i).type != CborValue::Text)
                return invalid(s("Invalid attribute value: a map key that is not a string"));
            DD_ASSIGN(const QJsonObject av, attributeValueOf(v.mapValue(i)));
            map.insert(v.mapKey(i).text(), av);
        }
        return QJsonObject{{s("M"), map}};
    }
    case CborValue::Tag:
        break;
    }
    if (v.isTag(2) || v.isTag(3) || v.isTag(4)) {
        DD_ASSIGN(const QString n, numberOf(v));
        return QJsonObject{{s("N"), n}};
    }
    if ((v.isTag(kTagStringSet) || v.isTag(kTagNumberSet) || v.isTag(kTagBinarySet)) && v.items[0].type == CborValue::Array) {
        QJsonArray set;
        for (const CborValue &e : v.items[0].items) {
            if (v.number == kTagStringSet && e.type == CborValue::Text) {
                set.append(e.text());
            } else if (v.number == kTagBinarySet && e.type == CborValue::Bytes) {
                set.append(base64(e.bytes));
            } else if (v.number == kTagNumberSet && isCborNumber(e)) {
                DD_ASSIGN(const QString n, numberOf(e));
                set.append(n);
            } else {
                return invalid(s("Invalid attribute value: a set member of the wrong type"));
            }
        }
        const char *type = v.number == kTagStringSet ? "SS" : v.number == kTagNumberSet ? "NS" : "BS";
        return QJsonObject{{s(type), set}};
    }
    return invalid(s("Invalid attribute value: CBOR tag %1").arg(v.number));
}

Result<void> writeAttributeValue(CborWriter &w, const QJsonObject &av)
{
    QString type;
    QJsonValue v;
    if (!member(av, &type, &v))
        return invalid(s("Invalid attribute value: expected one type"));
    if (type == u"S") {
        w.text(v.toString());
    } else if (type == u"N") {
        DD_CHECK(writeNumberText(w, v));
    } else if (type == u"B") {
        DD_ASSIGN(const QByteArray b, fromBase64(v));
        w.bytes(b);
    } else if (type == u"BOOL") {
        w.boolean(v.toBool());
    } else if (type == u"NULL") {
        w.null();
    } else if (type == u"L") {
        const QJsonArray list = v.toArray();
        w.arrayHeader(quint64(list.size()));
        for (const QJsonValue &e : list)
            DD_CHECK(writeAttributeValue(w, e.toObject()));
    } else if (type == u"M") {
        const QJsonObject map = v.toObject();
        w.mapHeader(quint64(map.size()));
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            w.text(it.key());
            DD_CHECK(writeAttributeValue(w, it.value().toObject()));
        }
    } else if (type == u"SS" || type == u"NS" || type == u"BS") {
        const QJsonArray set = v.toArray();
        w.tag(type == u"SS" ? kTagStringSet : type == u"NS" ? kTagNumberSet : kTagBinarySet);
        w.arrayHeader(quint64(set.size()));
        for (const QJsonValue &e : set) {
            if (type == u"SS") {
                w.text(e.toString());
            } else if (type == u"NS") {
                DD_CHECK(writeNumberText(w, e));
            } else {
                DD_ASSIGN(const QByteArray b, fromBase64(e));
                w.bytes(b);
            }
        }
    } else {
        return invalid(s("Invalid attribute value type: %1").arg(type));
    }
    return {};
}

Result<QJsonObject> decodeKey(const KeySchema &schema, QByteArrayView bytes)
{
    QJsonObject key;
    if (!schema.hasRange()) {
        if (schema.hashType == u"N") {
            const std::optional<CborValue> v = decodeCborItem(bytes);
            if (!v || !isCborNumber(*v))
                return invalid(s("Invalid key: the number hash key is not one CBOR number"));
            DD_ASSIGN(const QString n, numberOf(*v));
            key.insert(schema.hashName, QJsonObject{{s("N"), n}});
        } else {
            DD_ASSIGN(const QJsonObject av, rawKeyValue(schema.hashType, bytes));
            key.insert(schema.hashName, av);
        }
        return key;
    }
    qsizetype pos = 0;
    const std::optional<CborValue> hash = decodeCbor(bytes, &pos);
    if (!hash)
        return invalid(s("Invalid key: malformed hash key"));
    if (schema.hashType == u"S" && hash->type == CborValue::Text)
        key.insert(schema.hashName, QJsonObject{{s("S"), hash->text()}});
    else if (schema.hashType == u"B" && hash->type == CborValue::Bytes)
        key.insert(schema.hashName, QJsonObject{{s("B"), base64(hash->bytes)}});
    else if (schema.hashType == u"N" && isCborNumber(*hash)) {
        DD_ASSIGN(const QString n, numberOf(*hash));
        key.insert(schema.hashName, QJsonObject{{s("N"), n}});
    } else {
        return invalid(s("The provided key element does not match the schema"));
    }
    DD_ASSIGN(const QJsonObject range, rawKeyValue(schema.rangeType, bytes.sliced(pos)));
    key.insert(schema.rangeName, range);
    return key;
}

Result<QByteArray> encodeKey(const KeySchema &schema, const QJsonObject &item)
{
    QByteArray out;
    CborWriter w(&out);
    DD_ASSIGN(const QJsonValue hash, keyMember(item, schema.hashName, schema.hashType));
    if (!schema.hasRange()) {
        if (schema.hashType == u"S")
            return hash.toString().toUtf8();
        if (schema.hashType == u"B")
            return fromBase64(hash);
        DD_CHECK(writeNumberText(w, hash));
        return out;
    }
    DD_CHECK(writeKeyItem(w, schema.hashType, hash));
    DD_ASSIGN(const QJsonValue range, keyMember(item, schema.rangeName, schema.rangeType));
    if (schema.rangeType == u"S") {
        out += range.toString().toUtf8();
    } else if (schema.rangeType == u"B") {
        DD_ASSIGN(const QByteArray b, fromBase64(range));
        out += b;
    } else {
        const std::optional<Decimal> d = Decimal::parse(range.toString());
        if (!d)
            return invalid(s("The parameter cannot be converted to a numeric value: %1").arg(range.toString()));
        out += lexdecimal::encode(*d);
    }
    return out;
}

Result<QJsonObject> decodeCompoundKey(QByteArrayView bytes)
{
    const std::optional<CborValue> map = decodeCborItem(bytes);
    if (!map || map->type != CborValue::Map)
        return invalid(s("Invalid ExclusiveStartKey: not a map of attributes"));
    DD_ASSIGN(const QJsonObject av, attributeValueOf(*map));
    return av.value(s("M")).toObject();
}

Result<QByteArray> encodeCompoundKey(const QJsonObject &key)
{
    QByteArray out;
    CborWriter w(&out);
    // The Go client refuses a definite-length map here.
    w.beginIndefiniteMap();
    for (auto it = key.constBegin(); it != key.constEnd(); ++it) {
        w.text(it.key());
        DD_CHECK(writeAttributeValue(w, it.value().toObject()));
    }
    w.endIndefinite();
    return out;
}

Result<QJsonObject> decodeItemValue(const AttributeLists &lists, QByteArrayView bytes)
{
    qsizetype pos = 0;
    const std::optional<CborValue> id = decodeCbor(bytes, &pos);
    const std::optional<qint64> listId = id ? id->toInt64() : std::nullopt;
    if (!listId)
        return invalid(s("Invalid item: no attribute list id"));
    const std::optional<QStringList> names = lists.namesOf(*listId);
    if (!names)
        return invalid(s("Unknown attribute list id %1 (the server restarted since the client defined it?)").arg(*listId));
    QJsonObject item;
    for (const QString &name : *names) {
        const std::optional<CborValue> v = decodeCbor(bytes, &pos);
        if (!v)
            return invalid(s("Invalid item: fewer values than attribute list %1 has names").arg(*listId));
        DD_ASSIGN(const QJsonObject av, attributeValueOf(*v));
        item.insert(name, av);
    }
    if (pos != bytes.size())
        return invalid(s("Invalid item: more values than attribute list %1 has names").arg(*listId));
    return item;
}

Result<QByteArray> encodeItemValue(AttributeLists &lists, const QJsonObject &item, const KeySchema *schema)
{
    QStringList names;
    for (auto it = item.constBegin(); it != item.constEnd(); ++it)
        if (!schema || !schema->isKey(it.key()))
            names.append(it.key());
    names = sortedNames(std::move(names));
    QByteArray out;
    CborWriter w(&out);
    w.uint(quint64(lists.idFor(names)));
    for (const QString &name : std::as_const(names))
        DD_CHECK(writeAttributeValue(w, item.value(name).toObject()));
    return out;
}

} // namespace dd::daxwire
