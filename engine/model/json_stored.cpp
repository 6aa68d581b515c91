// Items this engine wrote (trusted JSON): storedjson.h's fast reader first,
// then QJsonDocument for whatever it does not recognize.
#include "model/json.h"

#include "model/storedjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dd::model {

namespace {

std::optional<AttributeValue> fromStored(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    if (o.size() != 1)
        return std::nullopt;
    const auto it = o.begin();
    const std::optional<AttrType> t = typeFromName(it.key());
    if (!t)
        return std::nullopt;
    const QJsonValue x = it.value();
    switch (*t) {
    case AttrType::S:
        return AttributeValue::string(x.toString());
    case AttrType::N: {
        Result<Number> n = Number::parse(x.toString());
        if (!n)
            return std::nullopt;
        return AttributeValue::number(std::move(n).value());
    }
    case AttrType::B:
        return AttributeValue::binary(QByteArray::fromBase64(x.toString().toLatin1()));
    case AttrType::BOOL:
        return AttributeValue::boolean(x.toBool());
    case AttrType::NUL:
        return AttributeValue::null();
    case AttrType::SS: {
        StringSet s;
        for (const QJsonValue &m : x.toArray())
            s.push_back(m.toString());
        return AttributeValue::stringSet(std::move(s));
    }
    case AttrType::NS: {
        NumberSet s;
        for (const QJsonValue &m : x.toArray()) {
            Result<Number> n = Number::parse(m.toString());
            if (!n)
                return std::nullopt;
            s.push_back(std::move(n).value());
        }
        return AttributeValue::numberSet(std::move(s));
    }
    case AttrType::BS: {
        BinarySet s;
        for (const QJsonValue &m : x.toArray())
            s.push_back(QByteArray::fromBase64(m.toString().toLatin1()));
        return AttributeValue::binarySet(std::move(s));
    }
    case AttrType::L: {
        AttrList l;
        const QJsonArray a = x.toArray();
        l.reserve(size_t(a.size()));
        for (const QJsonValue &e : a) {
            std::optional<AttributeValue> c = fromStored(e);
            if (!c)
                return std::nullopt;
            l.push_back(std::move(*c));
        }
        return AttributeValue::list(std::move(l));
    }
    case AttrType::M: {
        AttrMap m;
        const QJsonObject mo = x.toObject();
        for (auto mi = mo.begin(); mi != mo.end(); ++mi) {
            std::optional<AttributeValue> c = fromStored(mi.value());
            if (!c)
                return std::nullopt;
            m.emplace(mi.key(), std::move(*c));
        }
        return AttributeValue::map(std::move(m));
    }
    }
    return std::nullopt;
}

} // namespace

std::optional<Item> itemFromStoredJson(QByteArrayView bytes)
{
    if (std::optional<Item> fast = parseStoredItem(bytes))
        return fast;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    Item item;
    for (auto it = o.begin(); it != o.end(); ++it) {
        std::optional<AttributeValue> v = fromStored(it.value());
        if (!v)
            return std::nullopt;
        item.emplace(it.key(), std::move(*v));
    }
    return item;
}

} // namespace dd::model
