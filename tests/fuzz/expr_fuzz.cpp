// libFuzzer target for the expression language: the first input byte picks
// the kind (condition, update, projection, key condition), the rest is the
// expression text. Parses with a fixed set of #names and :values, then
// evaluates or applies the result to an item holding every attribute type,
// so that the lexer, parser, resolve pass, evaluator and update code all run.
// Build and run: tools/fuzz.sh (clang, AddressSanitizer, UBSan).
#include "expr/expressions.h"
#include "expr/keycondition.h"
#include "model/json.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace dd;

namespace {

const QJsonObject &request()
{
    static const QJsonObject r = QJsonDocument::fromJson(R"({
        "ExpressionAttributeNames": {"#a": "a", "#b": "b", "#n": "n", "#l": "l", "#m": "m", "#pk": "pk", "#sk": "sk"},
        "ExpressionAttributeValues": {
            ":s": {"S": "str"}, ":n": {"N": "-12.5"}, ":one": {"N": "1"}, ":b": {"B": "AAEC"}, ":t": {"BOOL": true},
            ":null": {"NULL": true}, ":l": {"L": [{"N": "1"}, {"S": "x"}]}, ":m": {"M": {"k": {"S": "v"}}},
            ":ss": {"SS": ["a", "b"]}, ":ns": {"NS": ["1", "2"]}, ":bs": {"BS": ["AA=="]}}
    })").object();
    return r;
}

const model::Item &item()
{
    static const model::Item i = *model::itemFromJson(QJsonDocument::fromJson(R"({
        "pk": {"S": "p"}, "sk": {"N": "3"}, "a": {"S": "hello"}, "b": {"B": "AQID"}, "n": {"N": "42"},
        "l": {"L": [{"N": "1"}, {"M": {"x": {"L": [{"S": "deep"}]}}}, {"NULL": true}]},
        "m": {"M": {"a": {"M": {"b": {"SS": ["x", "y"]}}}, "n": {"NS": ["1", "5"]}}}, "t": {"BOOL": false}
    })").object());
    return i;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 8192)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    auto ex = expr::Expressions::fromRequest(request());
    if (!ex.ok())
        __builtin_trap(); // the fixed request is valid
    switch (data[0] % 4) {
    case 0:
        if (auto c = ex->condition(text, QStringLiteral("ConditionExpression")); c.ok())
            (void)expr::evaluate(**c, item());
        break;
    case 1:
        if (auto u = ex->update(text); u.ok()) {
            if (auto updated = expr::applyUpdate(**u, item()); updated.ok())
                (void)model::itemToJsonBytes(*updated);
            (void)expr::project(expr::updatedPaths(**u), item());
        }
        break;
    case 2:
        if (auto p = ex->projection(text); p.ok())
            (void)expr::project(expr::projectedPaths(**p), item());
        break;
    default:
        (void)expr::keyCondition(*ex, text, QStringLiteral("pk"), QStringLiteral("sk"));
        break;
    }
    (void)ex->checkAllUsed();
    return 0;
}
