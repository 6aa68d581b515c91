// RequestView: the members of one request object, listed in one pass, for
// handlers that ask for many members (Query and Scan ask for about twenty,
// most of them absent). QJsonObject finds a member by comparing the keys
// as stored in its CBOR form, about a thousand instructions a lookup; this
// compares the lengths first, then the characters of keys listed once.
//
// The view refers to the request object, which must outlive it. One
// thread at a time.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVarLengthArray>

namespace dd::api {

class RequestView {
public:
    explicit RequestView(const QJsonObject &request);

    // Whether the request has member `key` (a null value counts as present,
    // as with QJsonObject::contains).
    bool contains(QLatin1StringView key) const { return find(key) >= 0; }
    // The member's value; undefined if there is none.
    QJsonValue value(QLatin1StringView key) const;
    // The member's value if it is present and not null.
    bool has(QLatin1StringView key) const;

    const QJsonObject &object() const { return m_object; }

private:
    qsizetype find(QLatin1StringView key) const;

    struct Member {
        QString key;
        qsizetype index; // in m_object's iteration order
    };
    const QJsonObject &m_object;
    QVarLengthArray<Member, 12> m_members;
};

} // namespace dd::api
