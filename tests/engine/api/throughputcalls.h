// throughputcalls.h: what the throughput tests (tst_warmthroughput,
// tst_ondemandthroughput) share over EngineCalls: two table shapes with a
// GSI "byG" (on demand, provisioned 5/7 with the index at 3/2; "%1" is the
// table's name, ' stands for "), DescribeTable's table and one of its GSIs,
// UpdateTable that must succeed or fail, a GlobalSecondaryIndexUpdates
// member, and the region of the next calls.
#pragma once

#include "enginecalls.h"

#include <QJsonArray>

namespace dd::test {

class ThroughputCalls : public EngineCalls {
protected:
    static constexpr const char *kOnDemand =
        "{'TableName':'%1','BillingMode':'PAY_PER_REQUEST',"
        "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'g','AttributeType':'S'}],"
        "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        "'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],"
        "'Projection':{'ProjectionType':'ALL'}}]}";
    static constexpr const char *kProvisioned =
        "{'TableName':'%1','ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':7},"
        "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'g','AttributeType':'S'}],"
        "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        "'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],"
        "'Projection':{'ProjectionType':'ALL'},'ProvisionedThroughput':{'ReadCapacityUnits':3,'WriteCapacityUnits':2}}]}";

    static QString name(const char *text) { return QString::fromLatin1(text); }

    QJsonObject table(const char *tableName)
    {
        return ok("DescribeTable", QJsonObject{{name("TableName"), name(tableName)}}).value(name("Table")).toObject();
    }
    static QJsonObject gsi(const QJsonObject &table, const char *index = "byG")
    {
        for (const QJsonValue &v : table.value(name("GlobalSecondaryIndexes")).toArray())
            if (v.toObject().value(name("IndexName")).toString() == name(index))
                return v.toObject();
        return {};
    }
    QJsonObject update(const char *tableName, const QJsonObject &members)
    {
        QJsonObject req = members;
        req.insert(name("TableName"), name(tableName));
        return ok("UpdateTable", req).value(name("TableDescription")).toObject();
    }
    ApiError updateFails(const char *tableName, const QJsonObject &members)
    {
        QJsonObject req = members;
        req.insert(name("TableName"), name(tableName));
        return fail("UpdateTable", req);
    }
    static QJsonObject gsiUpdate(const char *action, const QJsonObject &member)
    {
        return {{name("GlobalSecondaryIndexUpdates"), QJsonArray{QJsonObject{{name(action), member}}}}};
    }
    void in(const char *region) { m_ctx.region = name(region); }
};

} // namespace dd::test
