#include "expr/compare.h"

#include <cstring>

namespace dd::expr {

using model::AttrType;

bool isOrderable(AttrType t)
{
    return t == AttrType::S || t == AttrType::N || t == AttrType::B;
}

std::optional<int> compareOrdered(const model::AttributeValue &a, const model::AttributeValue &b)
{
    if (a.type() != b.type() || !isOrderable(a.type()))
        return std::nullopt;
    switch (a.type()) {
    case AttrType::S:
        return model::compareUtf8(a.asString(), b.asString());
    case AttrType::N:
        return a.asNumber().compare(b.asNumber());
    case AttrType::B: {
        const QByteArray &x = a.asBinary();
        const QByteArray &y = b.asBinary();
        const int n = int(std::min(x.size(), y.size()));
        const int c = n ? std::memcmp(x.constData(), y.constData(), size_t(n)) : 0;
        if (c != 0)
            return c;
        return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    default:
        return std::nullopt;
    }
}

} // namespace dd::expr
