#include "api/requestview.h"

namespace dd::api {

RequestView::RequestView(const QJsonObject &request) : m_object(request)
{
    qsizetype i = 0;
    for (auto it = request.constBegin(); it != request.constEnd(); ++it, ++i)
        m_members.append(Member{it.key(), i});
}

qsizetype RequestView::find(QLatin1StringView key) const
{
    for (const Member &m : m_members)
        if (m.key.size() == key.size() && m.key == key)
            return m.index;
    return -1;
}

QJsonValue RequestView::value(QLatin1StringView key) const
{
    const qsizetype i = find(key);
    if (i < 0)
        return QJsonValue(QJsonValue::Undefined);
    return (m_object.constBegin() + i).value();
}

bool RequestView::has(QLatin1StringView key) const
{
    const qsizetype i = find(key);
    return i >= 0 && !(m_object.constBegin() + i).value().isNull();
}

} // namespace dd::api
