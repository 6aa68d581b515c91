// AttributeValue: type names, canonical sets and DynamoDB's string order.
// Sets are kept sorted and unique so that equality and output are canonical.
#include "model/attributevalue.h"

#include <algorithm>
#include <cstring>

namespace dd::model {

namespace {

constexpr const char16_t *kTypeNames[] = {u"S", u"N", u"B", u"BOOL", u"NULL", u"M", u"L", u"SS", u"NS", u"BS"};

// UTF-16 code units compare in code point order except that surrogates
// (0xD800-0xDFFF, encoding U+10000 and up) must sort after 0xE000-0xFFFF.
inline char16_t codePointOrderUnit(char16_t c)
{
    if (c >= 0xE000)
        return char16_t(c - 0x800);
    if (c >= 0xD800)
        return char16_t(c + 0x2000);
    return c;
}

bool bytesLess(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    const int c = n ? std::memcmp(a.constData(), b.constData(), size_t(n)) : 0;
    return c < 0 || (c == 0 && a.size() < b.size());
}

} // namespace

QString typeName(AttrType t)
{
    const auto i = size_t(t);
    if (i >= std::size(kTypeNames))
        return QString();
    return QString::fromUtf16(kTypeNames[i]);
}

std::optional<AttrType> typeFromName(QStringView name)
{
    for (size_t i = 0; i < std::size(kTypeNames); ++i) {
        if (name == QStringView(kTypeNames[i]))
            return AttrType(i);
    }
    return std::nullopt;
}

AttributeValue AttributeValue::stringSet(StringSet s)
{
    std::sort(s.begin(), s.end(), [](const QString &a, const QString &b) { return compareUtf8(a, b) < 0; });
    s.erase(std::unique(s.begin(), s.end()), s.end());
    AttributeValue v;
    v.m_v.emplace<7>(std::move(s));
    return v;
}

AttributeValue AttributeValue::numberSet(NumberSet s)
{
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    AttributeValue v;
    v.m_v.emplace<8>(std::move(s));
    return v;
}

AttributeValue AttributeValue::binarySet(BinarySet s)
{
    std::sort(s.begin(), s.end(), bytesLess);
    s.erase(std::unique(s.begin(), s.end()), s.end());
    AttributeValue v;
    v.m_v.emplace<9>(std::move(s));
    return v;
}

bool AttributeValue::operator==(const AttributeValue &o) const
{
    // Sets are canonical (sorted, unique), so element-wise equality is set
    // equality; Number's == compares by value.
    return m_v == o.m_v;
}

int compareUtf8(QStringView a, QStringView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    const char16_t *pa = a.utf16();
    const char16_t *pb = b.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        if (pa[i] != pb[i]) {
            const char16_t x = codePointOrderUnit(pa[i]);
            const char16_t y = codePointOrderUnit(pb[i]);
            return x < y ? -1 : 1;
        }
    }
    if (a.size() == b.size())
        return 0;
    return a.size() < b.size() ? -1 : 1;
}

qsizetype utf8Length(QStringView s)
{
    qsizetype bytes = 0;
    const char16_t *p = s.utf16();
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i];
        if (c < 0x80) {
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (c >= 0xD800 && c < 0xDC00 && i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] < 0xE000) {
            bytes += 4;
            ++i;
        } else {
            bytes += (c >= 0xD800 && c < 0xE000) ? 1 : 3; // QString::toUtf8() writes a lone surrogate as "?"
        }
    }
    return bytes;
}

} // namespace dd::model
