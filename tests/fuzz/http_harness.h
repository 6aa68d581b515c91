// The HTTP fuzzer's harness, shared by the libFuzzer target (http_fuzz.cpp)
// and the corpus replay test in the normal build
// (tests/engine/http/tst_httpcorpus.cpp).
//
// Two Endpoints on an in-memory engine (holding table "tab", pk S) listen on
// 127.0.0.1: one accepts any signature, the other checks them against a
// user AKIDFUZZ (secret "fuzz-secret", a policy that allows reads only), as
// dynamodesk-server --auth does. An input is sent on a new connection in 1 to
// 4 pieces (its first byte, modulo 4, plus one, says how many; bit 2 of that
// byte picks the checking endpoint), then the client shuts its sending side
// and reads until the server closes. runInput() reports:
// - a server that neither answers nor closes within 10 s of the input's end;
// - an answer that does not start with an HTTP status line.
// checkAlive() reports a plain ListTables that no longer gets its answer.
// Crashes and sanitizer reports end the process by themselves.
#pragma once

#include "api/engine.h"
#include "quietengine.h"
#include "http/endpoint.h"
#include "security/credentials.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

namespace dd::fuzz {

class HttpHarness {
public:
    // Opens the engine and starts the endpoint; an empty string, or what failed.
    QString open()
    {
        auto e = openQuietEngine();
        if (!e.ok())
            return e.error().message();
        m_engine = std::move(*e);
        auto r = m_engine->call(api::RequestContext(), QStringLiteral("CreateTable"),
                                QByteArrayView(R"({"TableName":"tab","BillingMode":"PAY_PER_REQUEST",
                                   "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                                   "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})"));
        if (!r.ok())
            return r.error().message();
        // A DAX cluster, reached at /dax/fz.
        r = m_engine->call(api::RequestContext(), QStringLiteral("Dax.CreateCluster"),
                           QByteArrayView(R"({"ClusterName":"fz","NodeType":"dax.t3.small","ReplicationFactor":1,"IamRoleArn":"arn:aws:iam::0:role/d"})"));
        if (!r.ok())
            return r.error().message();
        http::EndpointOptions eo;
        eo.http.port = 0;
        eo.http.threads = 2;
        eo.http.maxBodyBytes = 1024 * 1024;
        eo.corsOrigins = {QStringLiteral("*")};
        eo.allowCommandTriggers = false;
        m_endpoint = std::make_unique<http::Endpoint>(*m_engine, eo);
        QString error;
        if (!m_endpoint->start(&error))
            return error;
        auto credentials = security::Credentials::fromJson(R"({"Users":[{"UserName":"fuzz","AccessKeyId":"AKIDFUZZ","SecretAccessKey":"fuzz-secret",
            "Policy":{"Statement":[{"Effect":"Allow","Action":["dynamodb:Get*","dynamodb:Query","dynamodb:Scan","dynamodb:List*"],"Resource":"*"},
                                   {"Effect":"Deny","NotAction":"dynamodb:List*","NotResource":"arn:aws:dynamodb:*:*:table/tab*"}]}}]})");
        if (!credentials.ok())
            return credentials.error().message();
        eo.credentials = *credentials;
        m_authEndpoint = std::make_unique<http::Endpoint>(*m_engine, eo);
        if (!m_authEndpoint->start(&error))
            return error;
        return {};
    }

    // Sends one input; an empty string, or the broken rule.
    QString runInput(QByteArrayView input)
    {
        if (input.isEmpty())
            return {};
        const int count = 1 + quint8(input[0]) % 4;
        const http::Endpoint &endpoint = (quint8(input[0]) & 4) ? *m_authEndpoint : *m_endpoint;
        input = input.sliced(1);
        QList<QByteArrayView> pieces;
        const qsizetype step = std::max<qsizetype>(1, input.size() / count);
        for (qsizetype at = 0; at < input.size(); at += step)
            pieces.append(input.sliced(at, std::min(step, input.size() - at)));
        QString error;
        const QByteArray answer = exchange(endpoint, pieces, &error);
        if (!error.isEmpty())
            return error;
        if (!answer.isEmpty() && !answer.startsWith("HTTP/1.1 ") && !answer.startsWith("HTTP/1.0 "))
            return QStringLiteral("an answer without a status line: ") + QString::fromLatin1(answer.left(300));
        return {};
    }

    // A plain ListTables; an empty string, or what went wrong.
    QString checkAlive()
    {
        const QByteArray request = "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                                   "Content-Type: application/x-amz-json-1.0\r\nConnection: close\r\nX-Amz-Date: 20261126T000000Z\r\n"
                                   "Authorization: AWS4-HMAC-SHA256 Credential=k/20261126/us-east-1/dynamodb/aws4_request, "
                                   "SignedHeaders=host, Signature=0\r\nContent-Length: 2\r\n\r\n{}";
        QString error;
        const QByteArray answer = exchange(*m_endpoint, {request}, &error);
        if (!error.isEmpty())
            return error;
        if (!answer.startsWith("HTTP/1.1 200") || !answer.contains("\"TableNames\":[\"tab\"]"))
            return QStringLiteral("ListTables no longer works: ") + QString::fromLatin1(answer.left(1000));
        return {};
    }

private:
    // Sends `pieces` on a new connection; returns what came back.
    QByteArray exchange(const http::Endpoint &endpoint, const QList<QByteArrayView> &pieces, QString *error)
    {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(endpoint.port());
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int fd = -1;
        for (;;) { // libFuzzer's timer signal may interrupt connect(): start over
            fd = ::socket(AF_INET, SOCK_STREAM, 0);
            if (fd < 0) {
                *error = QStringLiteral("socket() failed");
                return {};
            }
            if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0)
                break;
            const int err = errno;
            ::close(fd);
            if (err != EINTR) {
                *error = QStringLiteral("cannot connect to the endpoint: %1").arg(QString::fromLocal8Bit(strerror(err)));
                return {};
            }
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        // Closed with a reset once the answer is read: no TIME_WAIT, so that
        // a long run does not use up the ephemeral ports.
        const linger reset{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        timeval tv{10, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        bool sending = true;
        for (QByteArrayView p : pieces) {
            const char *data = p.data();
            qsizetype left = p.size();
            while (sending && left > 0) {
                const ssize_t n = ::send(fd, data, size_t(left), MSG_NOSIGNAL);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0)
                    sending = false; // the server may close early, after an error answer
                else
                    data += n, left -= n;
            }
        }
        ::shutdown(fd, SHUT_WR);
        QByteArray answer;
        char buf[16384];
        for (;;) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n > 0) {
                answer.append(buf, n);
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                *error = QStringLiteral("the server neither answered nor closed within 10 s of the input's end");
            break; // closed or reset
        }
        ::close(fd);
        return answer;
    }

    std::unique_ptr<api::Engine> m_engine;
    std::unique_ptr<http::Endpoint> m_endpoint;
    std::unique_ptr<http::Endpoint> m_authEndpoint; // checks signatures (--auth)
};

} // namespace dd::fuzz
