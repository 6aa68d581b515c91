// Builders of the bytes AWS's DAX clients send, for the daxwire tests: each
// returns one CBOR item, written by daxwire::CborWriter.
#pragma once

#include "daxwire/cbor.h"

#include <QByteArray>
#include <QString>

#include <initializer_list>

namespace dd::test::cbor {

inline QByteArray hex(const char *h) { return QByteArray::fromHex(QByteArray(h)); }

inline QByteArray i(qint64 v) // an integer
{
    QByteArray o;
    daxwire::CborWriter(&o).integer(v);
    return o;
}
inline QByteArray t(const char *s) // a text string (UTF-8)
{
    QByteArray o;
    daxwire::CborWriter(&o).text(QString::fromUtf8(s));
    return o;
}
inline QByteArray b(const QByteArray &content) // a byte string
{
    QByteArray o;
    daxwire::CborWriter(&o).bytes(content);
    return o;
}
inline QByteArray arr(std::initializer_list<QByteArray> items) // an array of encoded items
{
    QByteArray o;
    daxwire::CborWriter(&o).arrayHeader(items.size());
    for (const QByteArray &e : items)
        o += e;
    return o;
}
inline QByteArray var(int n) { return arr({i(17), i(n)}); } // an expression's value placeholder n

} // namespace dd::test::cbor
