#include "migration/csv.h"

namespace dd::migration {

Result<void> readCsv(QByteArrayView text, char delimiter, const std::function<bool(const QStringList &fields, int line)> &record)
{
    const char *p = text.data();
    const char *end = p + text.size();
    if (text.startsWith("\xEF\xBB\xBF"))
        p += 3;
    int line = 1;
    while (p < end) {
        const int startLine = line;
        QStringList fields;
        QByteArray field;
        bool blank = true;
        for (;;) {
            if (p < end && *p == '"') {
                blank = false;
                ++p;
                for (;;) {
                    if (p >= end)
                        return ApiError::validation(QStringLiteral("Line %1: a quoted field is not closed").arg(startLine));
                    if (*p == '"') {
                        if (p + 1 < end && p[1] == '"') {
                            field.append('"');
                            p += 2;
                            continue;
                        }
                        ++p;
                        break;
                    }
                    if (*p == '\n')
                        ++line;
                    field.append(*p++);
                }
                if (p < end && *p != delimiter && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n') && !(*p == '\r' && p + 1 == end))
                    return ApiError::validation(QStringLiteral("Line %1: text follows a quoted field's closing quote").arg(line));
            } else {
                while (p < end && *p != delimiter && *p != '\n' && !(*p == '\r' && (p + 1 == end || p[1] == '\n')))
                    field.append(*p++);
                blank = blank && field.isEmpty();
            }
            fields.append(QString::fromUtf8(field));
            field.clear();
            if (p < end && *p == delimiter) {
                blank = false;
                ++p;
                continue;
            }
            // The end of the record.
            if (p < end && *p == '\r')
                ++p;
            if (p < end && *p == '\n') {
                ++p;
                ++line;
            }
            break;
        }
        if (blank)
            continue;
        if (!record(fields, startLine))
            return {};
    }
    return {};
}

} // namespace dd::migration
