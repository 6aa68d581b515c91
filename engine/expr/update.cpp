// Application of a resolved update expression to an item.
//
// DynamoDB evaluates every action against the item as it was before the
// update: SET values read the old item ("SET a = :v, b = a" copies the old
// a), and list indexes in all actions name positions in the old lists
// ("REMOVE a[1] SET a[3] = :v" replaces the old fourth element). We
// therefore compute everything from the old item first, then write in an
// order that keeps old indexes valid: in-place writes, then appends (SET
// past the end appends, in index order), then removals from the highest
// path down, so that removing an element never shifts one still to visit.
#include "expr/ast.h"
#include "expr/document.h"
#include "expr/legacy.h"

#include <algorithm>
#include <map>

namespace dd::expr {

using model::AttrType;
using model::AttributeValue;

namespace {

ApiError invalidPath()
{
    return ApiError::validation(QStringLiteral("The document path provided in the update expression is invalid for update"));
}

ApiError incorrectType()
{
    return ApiError::validation(QStringLiteral("An operand in the update expression has an incorrect data type"));
}

ApiError missingAttribute()
{
    return ApiError::validation(QStringLiteral("The provided expression refers to an attribute that does not exist in the item"));
}

Result<AttributeValue> setValue(const Operand &o, const model::Item &item)
{
    switch (o.kind) {
    case Operand::Kind::Path: {
        const AttributeValue *v = lookup(item, o.path);
        if (!v)
            return missingAttribute();
        return *v;
    }
    case Operand::Kind::Value:
        return o.value;
    case Operand::Kind::Plus:
    case Operand::Kind::Minus: {
        DD_ASSIGN(AttributeValue a, setValue(o.args[0], item));
        if (!a.is(AttrType::N))
            return incorrectType();
        DD_ASSIGN(AttributeValue b, setValue(o.args[1], item));
        if (!b.is(AttrType::N))
            return incorrectType();
        auto r = o.kind == Operand::Kind::Plus ? model::Number::add(a.asNumber(), b.asNumber())
                                               : model::Number::subtract(a.asNumber(), b.asNumber());
        if (!r.ok())
            return r.error();
        return AttributeValue::number(std::move(r).value());
    }
    case Operand::Kind::Call:
        if (o.function == u"if_not_exists") {
            if (const AttributeValue *v = lookup(item, o.args[0].path))
                return *v;
            return setValue(o.args[1], item);
        }
        if (o.function == u"list_append") {
            DD_ASSIGN(AttributeValue a, setValue(o.args[0], item));
            if (!a.is(AttrType::L))
                return incorrectType();
            DD_ASSIGN(AttributeValue b, setValue(o.args[1], item));
            if (!b.is(AttrType::L))
                return incorrectType();
            model::AttrList out = a.asList();
            out.insert(out.end(), b.asList().begin(), b.asList().end());
            return AttributeValue::list(std::move(out));
        }
        return incorrectType();
    }
    return incorrectType();
}

template <typename T>
std::vector<T> setUnion(const std::vector<T> &a, const std::vector<T> &b)
{
    std::vector<T> out = a;
    out.insert(out.end(), b.begin(), b.end());
    return out; // the set factories sort and deduplicate
}

template <typename T>
std::vector<T> setDifference(const std::vector<T> &a, const std::vector<T> &b)
{
    std::vector<T> out;
    for (const T &x : a)
        if (std::find(b.begin(), b.end(), x) == b.end())
            out.push_back(x);
    return out;
}

// ADD: numbers add (a missing attribute counts as 0), sets unite.
Result<AttributeValue> addValue(const AttributeValue *existing, const AttributeValue &operand)
{
    if (!existing)
        return operand;
    if (existing->type() != operand.type())
        return incorrectType();
    switch (operand.type()) {
    case AttrType::N: {
        auto r = model::Number::add(existing->asNumber(), operand.asNumber());
        if (!r.ok())
            return r.error();
        return AttributeValue::number(std::move(r).value());
    }
    case AttrType::SS: return AttributeValue::stringSet(setUnion(existing->asStringSet(), operand.asStringSet()));
    case AttrType::NS: return AttributeValue::numberSet(setUnion(existing->asNumberSet(), operand.asNumberSet()));
    case AttrType::BS: return AttributeValue::binarySet(setUnion(existing->asBinarySet(), operand.asBinarySet()));
    default: return incorrectType();
    }
}

// DELETE: set difference; nullopt when nothing is left (the attribute goes).
Result<std::optional<AttributeValue>> deleteValue(const AttributeValue &existing, const AttributeValue &operand)
{
    if (existing.type() != operand.type())
        return incorrectType();
    std::optional<AttributeValue> out;
    switch (operand.type()) {
    case AttrType::SS: {
        auto s = setDifference(existing.asStringSet(), operand.asStringSet());
        if (!s.empty())
            out = AttributeValue::stringSet(std::move(s));
        break;
    }
    case AttrType::NS: {
        auto s = setDifference(existing.asNumberSet(), operand.asNumberSet());
        if (!s.empty())
            out = AttributeValue::numberSet(std::move(s));
        break;
    }
    case AttrType::BS: {
        auto s = setDifference(existing.asBinarySet(), operand.asBinarySet());
        if (!s.empty())
            out = AttributeValue::binarySet(std::move(s));
        break;
    }
    default:
        return incorrectType();
    }
    return out;
}

int compareElements(const PathElement &a, const PathElement &b)
{
    if (a.index() != b.index())
        return a.index() < b.index() ? -1 : 1;
    if (const qint64 *x = std::get_if<qint64>(&a)) {
        const qint64 y = std::get<qint64>(b);
        return *x < y ? -1 : (*x > y ? 1 : 0);
    }
    return std::get<QString>(a).compare(std::get<QString>(b));
}

bool pathLess(const Path &a, const Path &b)
{
    const size_t n = std::min(a.elements.size(), b.elements.size());
    for (size_t i = 0; i < n; ++i)
        if (int c = compareElements(a.elements[i], b.elements[i]))
            return c < 0;
    return a.elements.size() < b.elements.size();
}

struct Write {
    const Path *path;
    AttributeValue value;
};

// Writes `value` at `path` in `item`, whose parent container exists.
void writeAt(model::Item &item, const Path &path, AttributeValue value, bool append)
{
    const size_t n = path.elements.size();
    if (n == 1) {
        item[std::get<QString>(path.elements[0])] = std::move(value);
        return;
    }
    AttributeValue *parent = lookupMutable(item, path, n - 1);
    Q_ASSERT(parent);
    const PathElement &last = path.elements.back();
    if (const qint64 *index = std::get_if<qint64>(&last)) {
        auto &list = parent->asList();
        if (append || size_t(*index) >= list.size())
            list.push_back(std::move(value));
        else
            list[size_t(*index)] = std::move(value);
    } else {
        parent->asMap()[std::get<QString>(last)] = std::move(value);
    }
}

void removeAt(model::Item &item, const Path &path)
{
    const size_t n = path.elements.size();
    if (n == 1) {
        item.erase(std::get<QString>(path.elements[0]));
        return;
    }
    AttributeValue *parent = lookupMutable(item, path, n - 1);
    if (!parent)
        return;
    const PathElement &last = path.elements.back();
    if (const qint64 *index = std::get_if<qint64>(&last)) {
        auto &list = parent->asList();
        if (size_t(*index) < list.size())
            list.erase(list.begin() + *index);
    } else if (parent->is(AttrType::M)) {
        parent->asMap().erase(std::get<QString>(last));
    }
}

} // namespace

Result<model::Item> applyUpdate(const Update &update, const model::Item &item)
{
    if (update.legacy)
        return applyAttributeUpdates(update, item);
    // 1. SET values, all read from the old item.
    std::vector<std::optional<AttributeValue>> setValues(update.actions.size());
    for (size_t i = 0; i < update.actions.size(); ++i) {
        const UpdateAction &a = update.actions[i];
        if (a.kind == ActionKind::Set) {
            DD_ASSIGN(setValues[i], setValue(a.value, item));
        }
    }

    // 2. Targets must have a parent of the right kind in the old item.
    std::vector<Write> inPlace, appends;
    std::vector<const Path *> removals;
    for (size_t i = 0; i < update.actions.size(); ++i) {
        const UpdateAction &a = update.actions[i];
        const Path &path = a.path;
        const size_t n = path.elements.size();
        bool append = false;
        if (n > 1) {
            const AttributeValue *parent = lookupPrefix(item, path, n - 1);
            const qint64 *index = std::get_if<qint64>(&path.elements.back());
            if (!parent || !parent->is(index ? AttrType::L : AttrType::M))
                return invalidPath();
            append = index && size_t(*index) >= parent->asList().size();
        }
        const AttributeValue *existing = lookup(item, path);
        switch (a.kind) {
        case ActionKind::Set:
            (append ? appends : inPlace).push_back(Write{&path, std::move(*setValues[i])});
            break;
        case ActionKind::Remove:
            if (existing)
                removals.push_back(&path);
            break;
        case ActionKind::Add: {
            DD_ASSIGN(AttributeValue v, addValue(existing, a.value.value));
            (append ? appends : inPlace).push_back(Write{&path, std::move(v)});
            break;
        }
        case ActionKind::Delete:
            if (existing) {
                DD_ASSIGN(std::optional<AttributeValue> v, deleteValue(*existing, a.value.value));
                if (v)
                    inPlace.push_back(Write{&path, std::move(*v)});
                else
                    removals.push_back(&path);
            }
            break;
        }
    }

    // 3. Write: in place, then appends in index order, then removals from the back.
    model::Item out = item;
    for (Write &w : inPlace)
        writeAt(out, *w.path, std::move(w.value), false);
    std::stable_sort(appends.begin(), appends.end(), [](const Write &x, const Write &y) { return pathLess(*x.path, *y.path); });
    for (Write &w : appends)
        writeAt(out, *w.path, std::move(w.value), true);
    std::sort(removals.begin(), removals.end(), [](const Path *x, const Path *y) { return pathLess(*y, *x); });
    for (const Path *p : removals)
        removeAt(out, *p);
    return out;
}

const std::vector<Path> &updatedPaths(const Update &update)
{
    return update.paths;
}

} // namespace dd::expr
