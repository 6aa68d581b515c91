// The DAX data-plane methods: their ids as the clients send them
// (Constants.js) and how many arguments follow each id. A request is the
// service id 1, a method id and exactly that many top-level CBOR items, with
// nothing around them, so a server must know every arity to find where a
// request ends.
// Threads: constants.
#pragma once

#include <QtGlobal>

namespace dd::daxwire::method {

constexpr qint64 kService = 1;

constexpr qint64 AuthorizeConnection = 1489122155;
constexpr qint64 Endpoints = 455855874;
constexpr qint64 DefineKeySchema = -742646399;
constexpr qint64 DefineAttributeListId = -1230579644;
constexpr qint64 DefineAttributeList = 670678385;
constexpr qint64 GetItem = 263244906;
constexpr qint64 PutItem = -2106490455;
constexpr qint64 DeleteItem = 1013539361;
constexpr qint64 UpdateItem = 1425579023;
constexpr qint64 Query = -931250863;
constexpr qint64 Scan = -1875390620;
constexpr qint64 BatchGetItem = -697851100;
constexpr qint64 BatchWriteItem = 116217951;
constexpr qint64 TransactGetItems = 1866287579;
constexpr qint64 TransactWriteItems = -1160037738;

// The number of arguments after the method id; -1 for a method this
// server does not know (its request cannot be delimited).
constexpr int arity(qint64 id)
{
    switch (id) {
    case AuthorizeConnection: return 5;
    case Endpoints: return 0;
    case DefineKeySchema:
    case DefineAttributeListId:
    case DefineAttributeList: return 1;
    case GetItem:
    case DeleteItem:
    case UpdateItem:
    case Query: return 3;
    case PutItem: return 4;
    case Scan:
    case BatchGetItem:
    case BatchWriteItem: return 2;
    case TransactGetItems: return 4;
    case TransactWriteItems: return 9;
    default: return -1;
    }
}

} // namespace dd::daxwire::method
