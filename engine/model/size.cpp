// Item sizes and capacity units. The per-type sizes follow the Developer
// Guide and dynalite's calibration against AWS (db/index.js: valSize,
// itemSize, capacityUnits); names and strings count UTF-8 bytes.
#include "model/size.h"

#include "model/limits.h"

#include <algorithm>

namespace dd::model {

namespace {

qint64 memberSize(const QString &name, const AttributeValue &v)
{
    return utf8Length(name) + attributeSize(v);
}

} // namespace

qint64 attributeSize(const AttributeValue &v)
{
    switch (v.type()) {
    case AttrType::S:
        return utf8Length(v.asString());
    case AttrType::N:
        return v.asNumber().storageSize();
    case AttrType::B:
        return v.asBinary().size();
    case AttrType::BOOL:
    case AttrType::NUL:
        return 1;
    case AttrType::M: {
        qint64 size = 3;
        for (const auto &[name, member] : v.asMap())
            size += 1 + memberSize(name, member);
        return size;
    }
    case AttrType::L: {
        qint64 size = 3;
        for (const AttributeValue &e : v.asList())
            size += 1 + attributeSize(e);
        return size;
    }
    case AttrType::SS: {
        qint64 size = 0;
        for (const QString &s : v.asStringSet())
            size += utf8Length(s);
        return size;
    }
    case AttrType::NS: {
        qint64 size = 0;
        for (const Number &n : v.asNumberSet())
            size += n.storageSize();
        return size;
    }
    case AttrType::BS: {
        qint64 size = 0;
        for (const QByteArray &b : v.asBinarySet())
            size += b.size();
        return size;
    }
    }
    return 0;
}

qint64 itemSize(const Item &item)
{
    qint64 size = 0;
    for (const auto &[name, v] : item)
        size += memberSize(name, v);
    return size;
}

double readCapacityUnits(qint64 itemBytes, bool consistentRead)
{
    const qint64 units = std::max<qint64>(1, (itemBytes + 4095) / 4096);
    return consistentRead ? double(units) : double(units) / 2.0;
}

double writeCapacityUnits(qint64 itemBytes)
{
    return double(std::max<qint64>(1, (itemBytes + 1023) / 1024));
}

QString attributeNameProblem(QStringView name)
{
    if (name.isEmpty())
        return QStringLiteral("Empty attribute name");
    // A UTF-16 unit is at most 3 UTF-8 bytes, so only long names need counting.
    if (name.size() * 3 > kMaxAttributeNameBytes && name.toUtf8().size() > kMaxAttributeNameBytes)
        return QStringLiteral("Attribute name is too long; name size: %1 bytes, maximum: %2 bytes").arg(name.toUtf8().size()).arg(kMaxAttributeNameBytes);
    return QString();
}

} // namespace dd::model
