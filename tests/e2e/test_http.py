"""The wire protocol at the edges, spoken raw over http.client: headers,
CRC32, error bodies, health check, CORS, limits and garbage. None of it may
crash or hang the server."""
import http.client
import json
import unittest
import zlib

from dynamodesk import Server

AUTH = ('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/eu-west-1/dynamodb/aws4_request, '
        'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=' + '0' * 64)


def post(server, target, body, headers=None):
    conn = http.client.HTTPConnection('127.0.0.1', server.port, timeout=30)
    h = {'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': target,
         'X-Amz-Date': '20261125T000000Z', 'Authorization': AUTH}
    h.update(headers or {})
    conn.request('POST', '/', body, h)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r, data


class HttpTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True, extra_args=['-cors', 'https://app.example']).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_success_headers_and_crc(self):
        r, body = post(self.server, 'DynamoDB_20120810.ListTables', '{}')
        self.assertEqual(r.status, 200)
        self.assertEqual(r.getheader('Content-Type'), 'application/x-amz-json-1.0')
        self.assertEqual(int(r.getheader('x-amz-crc32')), zlib.crc32(body))
        self.assertRegex(r.getheader('x-amzn-RequestId'), r'^[0-9A-Z]{52}$')
        self.assertIsInstance(json.loads(body)['TableNames'], list)

    def test_region_from_credential_scope(self):
        body = json.dumps({'TableName': 'regional', 'BillingMode': 'PAY_PER_REQUEST',
                           'AttributeDefinitions': [{'AttributeName': 'k', 'AttributeType': 'S'}],
                           'KeySchema': [{'AttributeName': 'k', 'KeyType': 'HASH'}]})
        r, data = post(self.server, 'DynamoDB_20120810.CreateTable', body)
        self.assertEqual(r.status, 200, data)
        arn = json.loads(data)['TableDescription']['TableArn']
        self.assertEqual(arn, 'arn:aws:dynamodb:eu-west-1:000000000000:table/regional')

    def test_errors(self):
        r, data = post(self.server, 'DynamoDB_20120810.ListTables', '{"Limit": ')
        self.assertEqual(r.status, 400)
        self.assertEqual(json.loads(data), {'__type': 'com.amazon.coral.service#SerializationException'})
        r, data = post(self.server, 'DynamoDB_20120810.Frobnicate', '{}')
        self.assertEqual(json.loads(data)['__type'], 'com.amazon.coral.service#UnknownOperationException')
        r, data = post(self.server, 'DynamoDB_20120810.DescribeTable', '{"TableName": "nope"}')
        self.assertEqual(r.status, 400)
        self.assertEqual(json.loads(data), {
            '__type': 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
            'message': 'Requested resource not found: Table: nope not found'})
        r, data = post(self.server, 'DynamoDB_20120810.ListTables', '{}', {'Authorization': ''})
        self.assertIn('MissingAuthenticationTokenException', json.loads(data)['__type'])

    def test_health_check(self):
        conn = http.client.HTTPConnection('127.0.0.1', self.server.port, timeout=30)
        conn.request('GET', '/')
        r = conn.getresponse()
        self.assertEqual((r.status, r.read()), (200, b'healthy: dynamodb.us-east-1.amazonaws.com '))

    def test_cors(self):
        conn = http.client.HTTPConnection('127.0.0.1', self.server.port, timeout=30)
        conn.request('OPTIONS', '/', headers={'Origin': 'https://app.example',
                                             'Access-Control-Request-Method': 'POST'})
        r = conn.getresponse()
        r.read()
        self.assertEqual(r.status, 200)
        self.assertEqual(r.getheader('Access-Control-Allow-Origin'), 'https://app.example')
        r, _ = post(self.server, 'DynamoDB_20120810.ListTables', '{}', {'Origin': 'https://app.example'})
        self.assertEqual(r.getheader('Access-Control-Allow-Origin'), 'https://app.example')
        r, _ = post(self.server, 'DynamoDB_20120810.ListTables', '{}', {'Origin': 'https://evil.example'})
        self.assertIsNone(r.getheader('Access-Control-Allow-Origin'))

    def test_oversized_body_is_refused(self):
        # Announced over the 16 MiB limit: 413 at once, with an error body as
        # for any other error (the body need not be sent).
        conn = http.client.HTTPConnection('127.0.0.1', self.server.port, timeout=30)
        conn.putrequest('POST', '/')
        for name, value in (('Content-Type', 'application/x-amz-json-1.0'),
                            ('X-Amz-Target', 'DynamoDB_20120810.BatchWriteItem'),
                            ('Content-Length', str(17 * 1024 * 1024))):
            conn.putheader(name, value)
        conn.endheaders()
        r = conn.getresponse()
        data = r.read()
        conn.close()
        self.assertEqual(r.status, 413)
        self.assertEqual(r.getheader('Content-Type'), 'application/x-amz-json-1.0')
        self.assertEqual(int(r.getheader('x-amz-crc32')), zlib.crc32(data))
        self.assertEqual(json.loads(data), {
            '__type': 'com.amazonaws.dynamodb.v20120810#RequestEntityTooLargeException',
            'message': 'Request must be smaller than 16777216 bytes for the BatchWriteItem operation'})
        big = '{"TableName": "' + 'x' * (17 * 1024 * 1024) + '"}'
        try:
            r, _ = post(self.server, 'DynamoDB_20120810.DescribeTable', big)
            self.assertEqual(r.status, 413)
        except (ConnectionResetError, BrokenPipeError):
            pass  # the server may close before the client finished sending
        r, _ = post(self.server, 'DynamoDB_20120810.ListTables', '{}')
        self.assertEqual(r.status, 200)

    def test_garbage_never_crashes(self):
        create = json.dumps({'TableName': 'garbage', 'BillingMode': 'PAY_PER_REQUEST',
                             'AttributeDefinitions': [{'AttributeName': 'k', 'AttributeType': 'S'}],
                             'KeySchema': [{'AttributeName': 'k', 'KeyType': 'HASH'}]})
        post(self.server, 'DynamoDB_20120810.CreateTable', create)
        bodies = [
            b'{"TableName": "garbage", "Item": {"k": {"S": "\xff\xfe bad utf-8"}}}',
            b'\x00\x01\x02',
            b'[]', b'null', b'"string"', b'{"TableName": {"S": 1}}',
            json.dumps({'TableName': 'garbage', 'Item': {'k': {'S': 'deep'}, 'd': self.nested(40)}}).encode(),
            json.dumps({'TableName': 'garbage', 'Item': {'k': {'S': 'x' * 3000}}}).encode(),
            json.dumps({'TableName': 'garbage', 'Key': {'k': {'N': 'NaN'}}}).encode(),
        ]
        for b in bodies:
            for op in ('PutItem', 'GetItem', 'UpdateItem'):
                r, data = post(self.server, 'DynamoDB_20120810.' + op, b)
                self.assertIn(r.status, (200, 400), (op, b[:40], data))
                if r.status == 400:
                    self.assertIn('__type', json.loads(data))
        r, data = post(self.server, 'DynamoDB_20120810.PutItem', bodies[6])
        self.assertIn('Nesting Levels have exceeded supported limits', json.loads(data)['message'])
        r, data = post(self.server, 'DynamoDB_20120810.PutItem', bodies[7])
        self.assertIn('Size of hashkey has exceeded the maximum size limit of2048 bytes', json.loads(data)['message'])
        r, _ = post(self.server, 'DynamoDB_20120810.ListTables', '{}')
        self.assertEqual(r.status, 200)

    @staticmethod
    def nested(depth):
        v = {'S': 'leaf'}
        for _ in range(depth):
            v = {'M': {'n': v}}
        return v


if __name__ == '__main__':
    unittest.main()
