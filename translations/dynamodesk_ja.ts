<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>StreamDiff</name>
    <message>
        <source>Old image</source>
        <translation>変更前のイメージ</translation>
    </message>
    <message>
        <source>New image</source>
        <translation>変更後のイメージ</translation>
    </message>
</context>
<context>
    <name>TransactionAction</name>
    <message>
        <source>Choose a table</source>
        <translation>テーブルを選んでください</translation>
    </message>
    <message>
        <source>The item is missing</source>
        <translation>項目がありません</translation>
    </message>
    <message>
        <source>The key is missing</source>
        <translation>キーがありません</translation>
    </message>
    <message>
        <source>Item: %1</source>
        <translation>項目: %1</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>キー: %1</translation>
    </message>
    <message>
        <source>The update expression is missing</source>
        <translation>更新式がありません</translation>
    </message>
    <message>
        <source>A condition check needs a condition</source>
        <translation>条件チェックには条件が必要です</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>名前: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>Values: %1</source>
        <translation>値: %1</translation>
    </message>
    <message>
        <source>No value for %1</source>
        <translation>%1 の値がありません</translation>
    </message>
    <message>
        <source>No name for %1</source>
        <translation>%1 の名前がありません</translation>
    </message>
    <message>
        <source>Unknown action %1</source>
        <translation>不明なアクション %1</translation>
    </message>
    <message>
        <source>(no table)</source>
        <translation>(テーブルなし)</translation>
    </message>
    <message>
        <source>Add at least one action</source>
        <translation>アクションを一つ以上追加してください</translation>
    </message>
    <message>
        <source>%1 actions: a transaction holds at most %2</source>
        <translation>%1 件のアクション: トランザクションは最大 %2 件までです</translation>
    </message>
    <message>
        <source>Action %1: %2</source>
        <translation>アクション %1: %2</translation>
    </message>
    <message>
        <source>Action %1: another action already changes this item (DynamoDB allows one action per item)</source>
        <translation>アクション %1: 別のアクションがすでにこの項目を変更しています (DynamoDB では項目ごとにアクションは一つです)</translation>
    </message>
    <message>
        <source>A Get has no condition</source>
        <translation>Get には条件を指定できません</translation>
    </message>
    <message>
        <source>A Get takes no values, only names for its projection</source>
        <translation>Get は値を取りません。射影用の名前だけを指定できます</translation>
    </message>
    <message>
        <source>An action has exactly one of Put, Update, Delete, ConditionCheck, Get</source>
        <translation>アクションには Put、Update、Delete、ConditionCheck、Get のいずれか 1 つだけを指定します</translation>
    </message>
    <message>
        <source>Get actions read (TransactGetItems) and cannot be mixed with writes (TransactWriteItems)</source>
        <translation>Get アクションは読み取り (TransactGetItems) なので、書き込み (TransactWriteItems) と混在できません</translation>
    </message>
    <message>
        <source>A value&apos;s name starts with &apos;:&apos;, e.g. :tags</source>
        <translation>値の名前は &apos;:&apos; で始まります (例: :tags)</translation>
    </message>
    <message>
        <source>Set value: %1</source>
        <translation>セット値: %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::AccessPatternPanel</name>
    <message>
        <source>The queries your application needs. Each shows the key or index that serves it.</source>
        <translation>アプリケーションが必要とするクエリです。それぞれに対応するキーまたはインデックスが表示されます。</translation>
    </message>
    <message>
        <source>%1 served, %2 not served</source>
        <translation>%1 件対応、%2 件未対応</translation>
    </message>
    <message>
        <source>Access patterns name one partition and one sort attribute: an index with a multi-attribute key (%1) serves one only when its partition key is that attribute alone and the pattern&apos;s sort attribute is its first. Query the others in the table browser.</source>
        <translation>アクセスパターンはパーティション属性とソート属性を 1 つずつ指定します。複数属性キーのインデックス (%1) がパターンに対応するのは、パーティションキーがその属性だけで、パターンのソート属性がその最初のソート属性である場合だけです。それ以外はテーブルブラウザーでクエリしてください。</translation>
    </message>
    <message>
        <source>Add access patter&amp;n</source>
        <translation>アクセスパターンを追加(&amp;N)</translation>
    </message>
</context>
<context>
    <name>dd::ui::AccessPatternRow</name>
    <message>
        <source>e.g. Orders by customer, newest first</source>
        <translation>例: 顧客ごとの注文 (新しい順)</translation>
    </message>
    <message>
        <source>The attribute the query looks up by equality (its partition key)</source>
        <translation>クエリが等価で検索する属性 (パーティションキー)</translation>
    </message>
    <message>
        <source>looked up by (=)</source>
        <translation>検索条件 (=)</translation>
    </message>
    <message>
        <source>The attribute the query ranges over or orders by (its sort key); may stay empty</source>
        <translation>クエリが範囲指定または並べ替えに使う属性 (ソートキー)。空でもかまいません</translation>
    </message>
    <message>
        <source>sort (optional)</source>
        <translation>ソート (任意)</translation>
    </message>
    <message>
        <source>Ascending</source>
        <translation>昇順</translation>
    </message>
    <message>
        <source>Remove this access pattern</source>
        <translation>このアクセスパターンを削除</translation>
    </message>
    <message>
        <source>Add this index</source>
        <translation>このインデックスを追加</translation>
    </message>
    <message>
        <source>The index holds keys only: other attributes need a GetItem per item.</source>
        <translation>このインデックスはキーのみを保持します。他の属性は項目ごとに GetItem が必要です。</translation>
    </message>
    <message>
        <source>Add global index %1</source>
        <translation>グローバルインデックス %1 を追加</translation>
    </message>
    <message>
        <source>Descending</source>
        <translation>降順</translation>
    </message>
</context>
<context>
    <name>dd::ui::BucketPicker</name>
    <message>
        <source>Bucket name, e.g. my-exports</source>
        <translation>バケット名 (例: my-exports)</translation>
    </message>
    <message>
        <source>&amp;New bucket…</source>
        <translation>新しいバケット(&amp;N)…</translation>
    </message>
    <message>
        <source>Creates a local bucket: a folder in the folder of the local buckets</source>
        <translation>ローカルバケットを作成します (ローカルバケットのフォルダー内のフォルダー)</translation>
    </message>
    <message>
        <source>The local buckets: the folders of %1</source>
        <translation>ローカルバケット: %1 のフォルダー</translation>
    </message>
    <message>
        <source>Cannot create the bucket: %1</source>
        <translation>バケットを作成できません: %1</translation>
    </message>
    <message>
        <source>New bucket</source>
        <translation>新しいバケット</translation>
    </message>
    <message>
        <source>Name of the new local bucket (3 to 63 characters: lower-case letters, digits, dots and hyphens):</source>
        <translation>新しいローカルバケットの名前 (3～63 文字: 英小文字、数字、ドット、ハイフン):</translation>
    </message>
</context>
<context>
    <name>dd::ui::ClusterMetricsPanel</name>
    <message>
        <source>Metrics</source>
        <translation>メトリクス</translation>
    </message>
    <message>
        <source>Select a cluster to see its caches at work.</source>
        <translation>クラスターを選択すると、そのキャッシュの動きを表示します。</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>ヒット</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>ミス</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>ヒット率</translation>
    </message>
    <message>
        <source>Item cache</source>
        <translation>項目キャッシュ</translation>
    </message>
    <message>
        <source>Query cache</source>
        <translation>クエリキャッシュ</translation>
    </message>
    <message>
        <source>Scan cache</source>
        <translation>スキャンキャッシュ</translation>
    </message>
    <message>
        <source>Hits of GetItem and BatchGetItem keys, of all their eventually consistent reads</source>
        <translation>GetItem と BatchGetItem の結果整合性のある読み込みのうち、キャッシュにヒットしたキーの割合</translation>
    </message>
    <message>
        <source>Query responses served from the query cache</source>
        <translation>クエリキャッシュから返された Query の応答</translation>
    </message>
    <message>
        <source>Scan responses served from the query cache</source>
        <translation>クエリキャッシュから返された Scan の応答</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>リクエスト:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>エラー:</translation>
    </message>
    <message>
        <source>Cache size:</source>
        <translation>キャッシュサイズ:</translation>
    </message>
    <message>
        <source>Evicted:</source>
        <translation>追い出し:</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>更新:</translation>
    </message>
    <message>
        <source>Metrics of %1</source>
        <translation>%1 のメトリクス</translation>
    </message>
    <message>
        <source>Live metrics come from the embedded engine and dynamodesk-server. On AWS, DAX publishes them to Amazon CloudWatch (namespace AWS/DAX): see the cluster&apos;s Metrics tab in the AWS console.</source>
        <translation>ライブメトリクスは組み込みエンジンと dynamodesk-server が提供します。AWS では DAX がメトリクスを Amazon CloudWatch (名前空間 AWS/DAX) に発行します。AWS コンソールでクラスターの「メトリクス」タブを参照してください。</translation>
    </message>
    <message>
        <source>Reading the metrics…</source>
        <translation>メトリクスを読み込み中…</translation>
    </message>
    <message>
        <source>This connection does not offer live DAX metrics (%1). On AWS, DAX publishes them to Amazon CloudWatch (namespace AWS/DAX).</source>
        <translation>この接続では DAX のライブメトリクスを取得できません (%1)。AWS では DAX がメトリクスを Amazon CloudWatch (名前空間 AWS/DAX) に発行します。</translation>
    </message>
    <message>
        <source>Cannot read the metrics: %1</source>
        <translation>メトリクスを読み込めません: %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 in all: %2 reads, %3 writes</source>
        <translation>合計 %1: 読み込み %2、書き込み %3</translation>
    </message>
    <message>
        <source>%1 refused (ErrorRequestCount), %2 failed in DAX (FaultRequestCount)</source>
        <translation>拒否 %1 (ErrorRequestCount)、DAX 内で失敗 %2 (FaultRequestCount)</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n entries, %2 % of %3</source>
        <translation>
            <numerusform>%1 (%n エントリ)、%3 の %2%</numerusform>
        </translation>
    </message>
    <message>
        <source>EstimatedDbSize, and CacheMemoryUtilization of the caches&apos; budget</source>
        <translation>EstimatedDbSize と、キャッシュの予算に対する CacheMemoryUtilization</translation>
    </message>
    <message>
        <source>EvictedSize: bytes of entries dropped to make room (least recently used first)</source>
        <translation>EvictedSize: 空きを作るために破棄されたエントリのバイト数 (最も長く使われていないものから)</translation>
    </message>
</context>
<context>
    <name>dd::ui::Compaction</name>
    <message>
        <source>Compacting %1.db (%2 of %3)…</source>
        <translation>%1.db を圧縮しています（%2 / %3）…</translation>
    </message>
    <message>
        <source>%1.db: %2, then %3</source>
        <translation>%1.db: %2 → %3</translation>
    </message>
    <message>
        <source>%1.db: left as it was (%2)</source>
        <translation>%1.db: 変更していません（%2）</translation>
    </message>
</context>
<context>
    <name>dd::ui::ConflictDialog</name>
    <message>
        <source>The item changed since you loaded it</source>
        <translation>読み込んだ後に項目が変更されました</translation>
    </message>
    <message>
        <source>Someone deleted this item after you loaded it.</source>
        <translation>読み込んだ後に、この項目は他の誰かによって削除されました。</translation>
    </message>
    <message>
        <source>Someone changed this item after you loaded it. Attributes that differ: %1</source>
        <translation>読み込んだ後に、この項目は他の誰かによって変更されました。異なる属性: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your version&lt;/b&gt;</source>
        <translation>&lt;b&gt;あなたの版&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;In the database now&lt;/b&gt;</source>
        <translation>&lt;b&gt;現在のデータベースの内容&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(削除済み)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>自分の版で上書き(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>相手の版を採用(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>編集を続ける(&amp;K)</translation>
    </message>
</context>
<context>
    <name>dd::ui::Connection</name>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>「%1」は http:// または https:// の URL ではありません</translation>
    </message>
    <message>
        <source>Only an embedded database can be served.</source>
        <translation>公開できるのは組み込みデータベースだけです。</translation>
    </message>
    <message>
        <source>Profile %1 has no access key</source>
        <translation>プロファイル %1 にアクセスキーがありません</translation>
    </message>
    <message>
        <source>%1, DAX cluster %2</source>
        <translation>%1、DAX クラスター %2</translation>
    </message>
</context>
<context>
    <name>dd::ui::ConnectionDialog</name>
    <message>
        <source>New connection</source>
        <translation>新しい接続</translation>
    </message>
    <message>
        <source>Embedded database</source>
        <translation>組み込みデータベース</translation>
    </message>
    <message>
        <source>Endpoint (URL)</source>
        <translation>エンドポイント (URL)</translation>
    </message>
    <message>
        <source>AWS (profile and region)</source>
        <translation>AWS (プロファイルとリージョン)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>us-east-1, or the profile&apos;s region</source>
        <translation>us-east-1、またはプロファイルのリージョン</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>データフォルダー(&amp;D):</translation>
    </message>
    <message>
        <source>Keep everything in &amp;memory (nothing is written to disk)</source>
        <translation>すべてをメモリーに保持(&amp;M) (ディスクには書き込みません)</translation>
    </message>
    <message>
        <source>&amp;Serve this database on 127.0.0.1, port</source>
        <translation>このデータベースを 127.0.0.1 で公開(&amp;S)、ポート</translation>
    </message>
    <message>
        <source>0 picks a free port</source>
        <translation>0 で空きポートを選びます</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データフォルダー</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Profiles from %1 and %2</source>
        <translation>%1 と %2 のプロファイル</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>プロファイル(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>接続(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>リージョン(&amp;R):</translation>
    </message>
    <message>
        <source>none: local keys, for endpoints that check no signature</source>
        <translation>なし: ローカルキー (署名を検証しないエンドポイント用)</translation>
    </message>
    <message>
        <source>The AWS profile whose access key signs the requests, for an endpoint that checks signatures (dynamodesk-server --auth)</source>
        <translation>署名を検証するエンドポイント (dynamodesk-server --auth) 向けに、リクエストに署名するアクセスキーを持つ AWS プロファイル</translation>
    </message>
    <message>
        <source>Keys from pro&amp;file:</source>
        <translation>プロファイルのキー(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Encrypt the data folder (AES-256)</source>
        <translation>データフォルダーを暗号化(&amp;E) (AES-256)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>Con&amp;firm passphrase:</source>
        <translation>パスフレーズの確認(&amp;F):</translation>
    </message>
    <message>
        <source>%1 already holds data in the clear. Connect without encryption, then choose Encrypt data folder… in the connection&apos;s menu.</source>
        <translation>%1 には暗号化されていないデータがすでにあります。暗号化せずに接続してから、接続のメニューで「データフォルダーを暗号化…」を選んでください。</translation>
    </message>
    <message>
        <source>Databases, logs and backups are written encrypted. The passphrase is not saved: it is asked for when the folder opens. Without it the data cannot be read; nobody can recover it.</source>
        <translation>データベース、ログ、バックアップは暗号化して書き込まれます。パスフレーズは保存されず、フォルダーを開くときに尋ねられます。パスフレーズがなければデータは読めず、誰も復元できません。</translation>
    </message>
    <message>
        <source>us-east-1</source>
        <translation>us-east-1</translation>
    </message>
</context>
<context>
    <name>dd::ui::ConnectionSettings</name>
    <message>
        <source>Embedded (in memory)</source>
        <translation>組み込み (メモリー内)</translation>
    </message>
    <message>
        <source>Embedded: %1</source>
        <translation>組み込み: %1</translation>
    </message>
    <message>
        <source>AWS (%1)</source>
        <translation>AWS (%1)</translation>
    </message>
</context>
<context>
    <name>dd::ui::ConnectionTree</name>
    <message>
        <source>%1 · serving on 127.0.0.1:%2</source>
        <translation>%1 · 127.0.0.1:%2 で公開中</translation>
    </message>
    <message>
        <source>%1 (error)</source>
        <translation>%1 (エラー)</translation>
    </message>
    <message>
        <source>%1
Key: %2
Items: %3 (updated about every six hours on AWS)</source>
        <translation>%1
キー: %2
項目数: %3 (AWS では約 6 時間ごとに更新)</translation>
    </message>
    <message>
        <source>Global secondary index</source>
        <translation>グローバルセカンダリインデックス</translation>
    </message>
    <message>
        <source>Local secondary index</source>
        <translation>ローカルセカンダリインデックス</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy name</source>
        <translation>名前をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete table…</source>
        <translation>テーブルを削除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;New table…</source>
        <translation>新しいテーブル(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Serve on 127.0.0.1</source>
        <translation>127.0.0.1 で公開(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close connection</source>
        <translation>接続を閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit table…</source>
        <translation>テーブルを編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Backups and &amp;history</source>
        <translation>バックアップと履歴(&amp;H)</translation>
    </message>
    <message>
        <source>Co&amp;mpact data folder…</source>
        <translation>データフォルダーを圧縮(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;PartiQL editor…</source>
        <translation>PartiQL エディター(&amp;P)…</translation>
    </message>
    <message>
        <source>Global table, also in: %1</source>
        <translation>グローバルテーブル、他のリージョン: %1</translation>
    </message>
    <message>
        <source>&amp;Global table…</source>
        <translation>グローバルテーブル(&amp;G)…</translation>
    </message>
    <message>
        <source>E&amp;xport to S3…</source>
        <translation>S3 にエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import from S3…</source>
        <translation>S3 からインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xports and imports…</source>
        <translation>エクスポートとインポート(&amp;X)…</translation>
    </message>
    <message>
        <source>Encrypted at rest (AES-256)</source>
        <translation>保存時に暗号化 (AES-256)</translation>
    </message>
    <message>
        <source>Change p&amp;assphrase…</source>
        <translation>パスフレーズを変更(&amp;A)…</translation>
    </message>
    <message>
        <source>Decr&amp;ypt data folder…</source>
        <translation>データフォルダーを復号(&amp;Y)…</translation>
    </message>
    <message>
        <source>Encr&amp;ypt data folder…</source>
        <translation>データフォルダーを暗号化(&amp;Y)…</translation>
    </message>
    <message>
        <source>Cop&amp;y table to…</source>
        <translation>テーブルをコピー(&amp;Y)…</translation>
    </message>
    <message>
        <source>Encryption: %1</source>
        <translation>暗号化: %1</translation>
    </message>
    <message>
        <source>Resource po&amp;licy…</source>
        <translation>リソースポリシー(&amp;L)…</translation>
    </message>
    <message>
        <source>Partition key: %1</source>
        <translation>パーティションキー: %1</translation>
    </message>
    <message>
        <source>Sort key: %1</source>
        <translation>ソートキー: %1</translation>
    </message>
    <message>
        <source>Contri&amp;butor insights</source>
        <translation>Contributor Insights(&amp;B)</translation>
    </message>
    <message>
        <source>%1
Cannot describe the table: %2</source>
        <translation>%1
テーブルを記述できません: %2</translation>
    </message>
</context>
<context>
    <name>dd::ui::ContributorChart</name>
    <message>
        <source>%1 per minute</source>
        <translation>1 分あたりの%1</translation>
    </message>
    <message>
        <source>no requests to the top keys</source>
        <translation>上位キーへのリクエストなし</translation>
    </message>
</context>
<context>
    <name>dd::ui::ContributorInsightsView</name>
    <message>
        <source>Table %1</source>
        <translation>テーブル %1</translation>
    </message>
    <message>
        <source>Contributor Insights is enabled for the table and for each global secondary index on its own</source>
        <translation>Contributor Insights は、テーブルとグローバルセカンダリインデックスごとに個別に有効にします</translation>
    </message>
    <message>
        <source>Accessed and throttled keys</source>
        <translation>アクセスされたキーとスロットリングされたキー</translation>
    </message>
    <message>
        <source>Throttled keys only</source>
        <translation>スロットリングされたキーのみ</translation>
    </message>
    <message>
        <source>What Contributor Insights records once enabled</source>
        <translation>有効にした後に Contributor Insights が記録する内容</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>有効にする(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>直近 5 分</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>直近 15 分</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>直近 1 時間</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>直近 24 時間</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>対象(&amp;T):</translation>
    </message>
    <message>
        <source>R&amp;ule:</source>
        <translation>ルール(&amp;U):</translation>
    </message>
    <message>
        <source>R&amp;ange:</source>
        <translation>期間(&amp;A):</translation>
    </message>
    <message>
        <source>Contributor Insights is being enabled for %1</source>
        <translation>%1 の Contributor Insights を有効にしています</translation>
    </message>
    <message>
        <source>Contributor Insights is being disabled for %1</source>
        <translation>%1 の Contributor Insights を無効にしています</translation>
    </message>
    <message>
        <source>Cannot enable Contributor Insights: %1</source>
        <translation>Contributor Insights を有効にできません: %1</translation>
    </message>
    <message>
        <source>Cannot disable Contributor Insights: %1</source>
        <translation>Contributor Insights を無効にできません: %1</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>テーブルを読み取れません: %1</translation>
    </message>
    <message>
        <source>Cannot read the Contributor Insights status: %1</source>
        <translation>Contributor Insights の状態を読み取れません: %1</translation>
    </message>
    <message>
        <source>Index %1</source>
        <translation>インデックス %1</translation>
    </message>
    <message>
        <source>Most accessed partition keys</source>
        <translation>最もアクセスの多いパーティションキー</translation>
    </message>
    <message>
        <source>Most accessed items (partition and sort key)</source>
        <translation>最もアクセスの多い項目 (パーティションキーとソートキー)</translation>
    </message>
    <message>
        <source>Most throttled partition keys</source>
        <translation>最もスロットリングの多いパーティションキー</translation>
    </message>
    <message>
        <source>Most throttled items (partition and sort key)</source>
        <translation>最もスロットリングの多い項目 (パーティションキーとソートキー)</translation>
    </message>
    <message>
        <source>throttle events</source>
        <translation>スロットリングイベント</translation>
    </message>
    <message>
        <source>capacity units</source>
        <translation>キャパシティユニット</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>enabling…</source>
        <translation>有効化中…</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>disabling…</source>
        <translation>無効化中…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Contributor Insights: %1</source>
        <translation>Contributor Insights: %1</translation>
    </message>
    <message>
        <source> (throttled keys only)</source>
        <translation> (スロットリングされたキーのみ)</translation>
    </message>
    <message>
        <source> (accessed and throttled keys)</source>
        <translation> (アクセスされたキーとスロットリングされたキー)</translation>
    </message>
    <message>
        <source>, changed %1</source>
        <translation>、%1 に変更</translation>
    </message>
    <message>
        <source>CloudWatch rules: %1</source>
        <translation>CloudWatch ルール: %1</translation>
    </message>
    <message>
        <source>This endpoint does not offer Dynamodesk&apos;s report of the top keys. The graphs of this connection&apos;s tables are in CloudWatch Contributor Insights: the CloudWatch console, or aws cloudwatch get-insight-rule-report with the rule names above. Enabling and disabling work here as usual.</source>
        <translation>このエンドポイントは Dynamodesk の上位キーのレポートを提供していません。この接続のテーブルのグラフは CloudWatch Contributor Insights にあります: CloudWatch コンソール、または上記のルール名を指定した aws cloudwatch get-insight-rule-report で確認できます。有効化と無効化はここでも通常どおり行えます。</translation>
    </message>
    <message>
        <source>Contributor Insights is off for this target. Enable it to record the most accessed and throttled keys minute by minute; Dynamodesk keeps the last 24 hours while it stays on.</source>
        <translation>この対象の Contributor Insights はオフです。有効にすると、最もアクセスの多いキーとスロットリングされたキーを 1 分ごとに記録します。有効な間、Dynamodesk は直近 24 時間分を保持します。</translation>
    </message>
    <message>
        <source>Cannot read the top keys: %1</source>
        <translation>上位キーを読み取れません: %1</translation>
    </message>
    <message>
        <source>Dynamodesk does not throttle requests, so the most throttled keys stay empty locally. On AWS this rule shows the keys whose requests were throttled.</source>
        <translation>Dynamodesk はリクエストをスロットリングしないため、ローカルでは最もスロットリングの多いキーは空のままです。AWS では、このルールはリクエストがスロットリングされたキーを示します。</translation>
    </message>
    <message>
        <source>Nothing recorded in this range yet.</source>
        <translation>この期間にはまだ何も記録されていません。</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 in this range from about %Ln key(s)</source>
        <translation>
            <numerusform>この期間に約 %Ln 個のキーから %1 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>the table %1</source>
        <translation>テーブル %1</translation>
    </message>
    <message>
        <source>the index %1 of %2</source>
        <translation>%2 のインデックス %1</translation>
    </message>
    <message>
        <source>Disable Contributor Insights</source>
        <translation>Contributor Insights を無効にする</translation>
    </message>
    <message>
        <source>Disable Contributor Insights for %1? The minutes recorded so far are dropped.</source>
        <translation>%1 の Contributor Insights を無効にしますか? これまでに記録された分単位のデータは破棄されます。</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>無効にする(&amp;D)</translation>
    </message>
    <message>
        <source>Stop recording the most accessed and throttled keys of this target</source>
        <translation>この対象の、最もアクセスの多いキーとスロットリングされたキーの記録を停止します</translation>
    </message>
    <message>
        <source>Record the most accessed and throttled keys of this target, minute by minute</source>
        <translation>この対象の、最もアクセスの多いキーとスロットリングされたキーを 1 分ごとに記録します</translation>
    </message>
</context>
<context>
    <name>dd::ui::ContributorsModel</name>
    <message>
        <source>capacity units</source>
        <translation>キャパシティユニット</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Total (%1)</source>
        <translation>合計 (%1)</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>割合</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>dd::ui::CopyAsButton</name>
    <message>
        <source>Copy as AWS CLI command</source>
        <translation>AWS CLI コマンドとしてコピー</translation>
    </message>
    <message>
        <source>Copy as Python (boto3)</source>
        <translation>Python (boto3) としてコピー</translation>
    </message>
    <message>
        <source>Copy as JavaScript (AWS SDK v3)</source>
        <translation>JavaScript (AWS SDK v3) としてコピー</translation>
    </message>
    <message>
        <source>Copy as AWS CLI command (the arrow: as Python or JavaScript code)</source>
        <translation>AWS CLI コマンドとしてコピー (矢印: Python または JavaScript のコードとして)</translation>
    </message>
    <message>
        <source>Copied the AWS CLI command</source>
        <translation>AWS CLI コマンドをコピーしました</translation>
    </message>
    <message>
        <source>Copied the Python (boto3) code</source>
        <translation>Python (boto3) のコードをコピーしました</translation>
    </message>
    <message>
        <source>Copied the JavaScript (AWS SDK v3) code</source>
        <translation>JavaScript (AWS SDK v3) のコードをコピーしました</translation>
    </message>
</context>
<context>
    <name>dd::ui::CreateClusterDialog</name>
    <message>
        <source>Create DAX cluster: %1</source>
        <translation>DAX クラスターの作成: %1</translation>
    </message>
    <message>
        <source>e.g. orders-cache</source>
        <translation>例: orders-cache</translation>
    </message>
    <message>
        <source>1 to 20 letters, digits and hyphens, starting with a letter; no two hyphens in a row and none at the end. DAX stores the name in lower case.</source>
        <translation>英字・数字・ハイフンで 1～20 文字、先頭は英字。ハイフンの連続と末尾のハイフンは不可。DAX は名前を小文字で保存します。</translation>
    </message>
    <message>
        <source>%1 (%2 GiB)</source>
        <translation>%1 (%2 GiB)</translation>
    </message>
    <message>
        <source>A local cluster&apos;s caches use at most the engine&apos;s limit, whatever the node&apos;s memory</source>
        <translation>ローカルクラスターのキャッシュは、ノードのメモリにかかわらずエンジンの上限までしか使いません</translation>
    </message>
    <message>
        <source>Nodes in the cluster: one primary and up to ten read replicas (AWS recommends three or more for production)</source>
        <translation>クラスターのノード数: プライマリ 1 つと最大 10 個のリードレプリカ (本番環境では 3 つ以上が AWS の推奨です)</translation>
    </message>
    <message>
        <source>The parameter group sets the item and query caches&apos; TTLs</source>
        <translation>パラメータグループが項目キャッシュとクエリキャッシュの TTL を決めます</translation>
    </message>
    <message>
        <source>The role DAX assumes to reach your tables; on AWS it must exist and trust dax.amazonaws.com</source>
        <translation>DAX がテーブルにアクセスするために引き受けるロール。AWS では実在し、dax.amazonaws.com を信頼している必要があります</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Cluster &amp;name:</source>
        <translation>クラスター名(&amp;N):</translation>
    </message>
    <message>
        <source>Node &amp;type:</source>
        <translation>ノードタイプ(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Parameter group:</source>
        <translation>パラメータグループ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;IAM role ARN:</source>
        <translation>IAM ロール ARN(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>説明(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>作成(&amp;C)</translation>
    </message>
    <message>
        <source>Dax.CreateCluster</source>
        <translation>Dax.CreateCluster</translation>
    </message>
    <message>
        <source>Cannot list the parameter groups: %1</source>
        <translation>パラメータグループを一覧できません: %1</translation>
    </message>
    <message>
        <source>Creating cluster %1…</source>
        <translation>クラスター %1 を作成しています…</translation>
    </message>
    <message>
        <source>DAX refused the cluster: %1</source>
        <translation>DAX がクラスターを拒否しました: %1</translation>
    </message>
    <message>
        <source>N&amp;odes:</source>
        <translation>ノード数(&amp;O):</translation>
    </message>
</context>
<context>
    <name>dd::ui::DaxClustersDialog</name>
    <message>
        <source>DAX clusters: %1</source>
        <translation>DAX クラスター: %1</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>クラスター</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Node type</source>
        <translation>ノードタイプ</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Parameter group</source>
        <translation>パラメータグループ</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>Dax.DescribeClusters and Dax.DescribeParameterGroups again</source>
        <translation>Dax.DescribeClusters と Dax.DescribeParameterGroups をもう一度実行します</translation>
    </message>
    <message>
        <source>&amp;Create…</source>
        <translation>作成(&amp;C)…</translation>
    </message>
    <message>
        <source>Creates a DAX cluster (Dax.CreateCluster)</source>
        <translation>DAX クラスターを作成します (Dax.CreateCluster)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <source>Deletes the selected cluster and its caches (Dax.DeleteCluster); the tables are not touched</source>
        <translation>選択したクラスターとそのキャッシュを削除します (Dax.DeleteCluster)。テーブルには影響しません</translation>
    </message>
    <message>
        <source>&amp;Open table through cluster…</source>
        <translation>クラスター経由でテーブルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>C&amp;lusters</source>
        <translation>クラスター(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Parameter groups</source>
        <translation>パラメータグループ(&amp;P)</translation>
    </message>
    <message>
        <source>This endpoint does not offer DAX (%1). The embedded engine, dynamodesk-server and AWS do.</source>
        <translation>このエンドポイントは DAX に対応していません (%1)。組み込みエンジン、dynamodesk-server、AWS は対応しています。</translation>
    </message>
    <message>
        <source>Cannot list the DAX clusters: %1</source>
        <translation>DAX クラスターを一覧できません: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 中 %1</translation>
    </message>
    <message>
        <source>Active nodes of the cluster&apos;s nodes</source>
        <translation>クラスターのノードのうち稼働中のノード</translation>
    </message>
    <message>
        <source>Any DynamoDB client (AWS CLI, SDK) reaches the cluster&apos;s caches at this URL while the database is served (Table ▸ Serve on 127.0.0.1)</source>
        <translation>データベースを公開している間 (テーブル ▸ 127.0.0.1 で公開)、どの DynamoDB クライアント (AWS CLI、SDK) もこの URL でクラスターのキャッシュに接続できます</translation>
    </message>
    <message>
        <source>Created cluster %1 (%2).</source>
        <translation>クラスター %1 を作成しました (%2)。</translation>
    </message>
    <message>
        <source>Delete DAX cluster</source>
        <translation>DAX クラスターの削除</translation>
    </message>
    <message>
        <source>Delete DAX cluster %1? Its caches go; the tables are not touched. Programs using its endpoint get errors from then on.</source>
        <translation>DAX クラスター %1 を削除しますか？ キャッシュは失われますが、テーブルには影響しません。このエンドポイントを使うプログラムは以後エラーになります。</translation>
    </message>
    <message>
        <source>Deleting cluster %1…</source>
        <translation>クラスター %1 を削除しています…</translation>
    </message>
    <message>
        <source>DAX refused to delete the cluster: %1</source>
        <translation>DAX がクラスターの削除を拒否しました: %1</translation>
    </message>
    <message>
        <source>Cluster %1 is %2.</source>
        <translation>クラスター %1 は %2 です。</translation>
    </message>
    <message>
        <source>Listing the tables…</source>
        <translation>テーブルを一覧しています…</translation>
    </message>
    <message>
        <source>Cannot list the tables: %1</source>
        <translation>テーブルを一覧できません: %1</translation>
    </message>
    <message>
        <source>%1 has no tables to open.</source>
        <translation>%1 には開けるテーブルがありません。</translation>
    </message>
    <message>
        <source>Open table through cluster %1</source>
        <translation>クラスター %1 経由でテーブルを開く</translation>
    </message>
    <message>
        <source>Table to browse through DAX cluster %1:</source>
        <translation>DAX クラスター %1 経由で表示するテーブル:</translation>
    </message>
    <message>
        <source>This connection cannot send requests through a DAX cluster.</source>
        <translation>この接続では DAX クラスター経由でリクエストを送れません。</translation>
    </message>
    <message>
        <source>Opened %1 through cluster %2.</source>
        <translation>%1 をクラスター %2 経由で開きました。</translation>
    </message>
    <message>
        <source>Browses a table with its item operations sent through the selected cluster, so that its caches answer the reads</source>
        <translation>項目の操作を選択したクラスター経由で送ってテーブルを表示します。読み込みにはクラスターのキャッシュが応答します</translation>
    </message>
    <message>
        <source>AWS&apos;s DAX clusters speak their own protocol inside their VPC: Dynamodesk cannot send requests through them</source>
        <translation>AWS の DAX クラスターは VPC 内で独自のプロトコルを使うため、Dynamodesk からはクラスター経由でリクエストを送れません</translation>
    </message>
    <message numerus="yes">
        <source>%n cluster(s).</source>
        <translation>
            <numerusform>クラスター %n 個。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::DaxTableWindow</name>
    <message>
        <source>%1 through DAX cluster %2 — %3</source>
        <translation>DAX クラスター %2 経由の %1 — %3</translation>
    </message>
    <message>
        <source>Items are read and written through DAX cluster %1. Its item and query caches answer eventually consistent reads, so a change made around the cluster (in the main window, or by another program) shows here only when its TTL ends; writes made here go through the cluster and are seen at once by GetItem, but not by a Scan or Query it has cached. Tick Consistent read to read the table itself.</source>
        <translation>項目は DAX クラスター %1 経由で読み書きされます。結果整合性のある読み込みにはクラスターの項目キャッシュとクエリキャッシュが応答するため、クラスターを経由せずに行われた変更 (メインウィンドウや他のプログラムによる変更) は TTL が切れるまでここには表示されません。ここでの書き込みはクラスターを経由するため GetItem にはすぐ反映されますが、キャッシュ済みの Scan や Query には反映されません。テーブルそのものを読むには「強い整合性の読み込み」にチェックを入れてください。</translation>
    </message>
</context>
<context>
    <name>dd::ui::EncryptionChange</name>
    <message>
        <source>Changing the passphrase…</source>
        <translation>パスフレーズを変更しています…</translation>
    </message>
    <message>
        <source>Encrypting %1 (%2 of %3)…</source>
        <translation>%1 を暗号化しています (%2/%3)…</translation>
    </message>
    <message>
        <source>Decrypting %1 (%2 of %3)…</source>
        <translation>%1 を復号しています (%2/%3)…</translation>
    </message>
</context>
<context>
    <name>dd::ui::EncryptionPicker</name>
    <message>
        <source>Owned by Amazon DynamoDB</source>
        <translation>Amazon DynamoDB が所有</translation>
    </message>
    <message>
        <source>AWS managed key (aws/dynamodb)</source>
        <translation>AWS マネージドキー (aws/dynamodb)</translation>
    </message>
    <message>
        <source>Customer managed key (AWS KMS)</source>
        <translation>カスタマーマネージドキー (AWS KMS)</translation>
    </message>
    <message>
        <source>The AWS KMS key that encrypts the table at rest; every table is encrypted</source>
        <translation>保存時にテーブルを暗号化する AWS KMS キー。テーブルはすべて暗号化されます</translation>
    </message>
    <message>
        <source>KMS key id, key ARN, alias name or alias ARN</source>
        <translation>KMS キー ID、キー ARN、エイリアス名、またはエイリアス ARN</translation>
    </message>
    <message>
        <source>e.g. alias/orders-key or arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab</source>
        <translation>例: alias/orders-key または arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab</translation>
    </message>
</context>
<context>
    <name>dd::ui::EncryptionPrompts</name>
    <message>
        <source>Encrypted data folder</source>
        <translation>暗号化されたデータフォルダー</translation>
    </message>
    <message>
        <source>The data folder %1 is encrypted. Enter its passphrase to open %2.</source>
        <translation>データフォルダー %1 は暗号化されています。%2 を開くにはパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>This passphrase does not open %1. Try again.</source>
        <translation>このパスフレーズでは %1 を開けません。もう一度入力してください。</translation>
    </message>
    <message>
        <source>Encrypt data folder</source>
        <translation>データフォルダーの暗号化</translation>
    </message>
    <message>
        <source>Encrypting rewrites every database, backup and snapshot in %1 encrypted (AES-256). It closes %2 and its tabs first and opens it again when it is done.

The passphrase you choose next is never saved. Without it the data cannot be read: nobody can recover a forgotten passphrase.</source>
        <translation>暗号化すると、%1 内のすべてのデータベース、バックアップ、スナップショットが暗号化されて書き直されます (AES-256)。先に %2 とそのタブを閉じ、完了後に再び開きます。

次に選ぶパスフレーズは保存されません。パスフレーズがなければデータは読めず、忘れたパスフレーズは誰も復元できません。</translation>
    </message>
    <message>
        <source>Choose the passphrase that will open %1.</source>
        <translation>%1 を開くためのパスフレーズを決めてください。</translation>
    </message>
    <message>
        <source>&amp;Encrypt…</source>
        <translation>暗号化(&amp;E)…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>パスフレーズの変更</translation>
    </message>
    <message>
        <source>Choose the new passphrase of %1. Only its key file is rewritten, not the data; %2 closes and opens again meanwhile.</source>
        <translation>%1 の新しいパスフレーズを決めてください。書き直されるのは鍵ファイルだけで、データは書き直されません。その間 %2 は閉じられ、再び開かれます。</translation>
    </message>
    <message>
        <source>Decrypt data folder</source>
        <translation>データフォルダーの復号</translation>
    </message>
    <message>
        <source>Decrypting writes every database, backup and snapshot in %1 to disk in the clear: anyone who can read the folder can then read the data. It closes %2 and its tabs first and opens it again when it is done.

Decrypt now?</source>
        <translation>復号すると、%1 内のすべてのデータベース、バックアップ、スナップショットが暗号化されずにディスクに書き込まれます。フォルダーを読める人なら誰でもデータを読めるようになります。先に %2 とそのタブを閉じ、完了後に再び開きます。

今すぐ復号しますか?</translation>
    </message>
    <message>
        <source>&amp;Decrypt</source>
        <translation>復号(&amp;D)</translation>
    </message>
    <message>
        <source>Enter the current passphrase of %1.</source>
        <translation>%1 の現在のパスフレーズを入力してください。</translation>
    </message>
</context>
<context>
    <name>dd::ui::ExportDialog</name>
    <message>
        <source>Export to S3: %1</source>
        <translation>S3 にエクスポート: %1</translation>
    </message>
    <message>
        <source>Writes the items of table %1 into an S3 bucket as DynamoDB does: under &lt;prefix&gt;/AWSDynamoDB/&lt;export id&gt;/, with its data files and manifests. The table is not changed.</source>
        <translation>テーブル %1 の項目を DynamoDB と同じ形で S3 バケットに書き込みます: &lt;prefix&gt;/AWSDynamoDB/&lt;export id&gt;/ の下に、データファイルとマニフェストを置きます。テーブルは変更されません。</translation>
    </message>
    <message>
        <source>Exports read the table&apos;s point-in-time recovery history, which is off for %1. Turn it on to export (it keeps 35 days of changes; on AWS it is billed by the table&apos;s size).</source>
        <translation>エクスポートはテーブルのポイントインタイムリカバリの履歴を読みますが、%1 では無効です。エクスポートするには有効にしてください (35 日分の変更を保持します。AWS ではテーブルのサイズに応じて課金されます)。</translation>
    </message>
    <message>
        <source>UpdateContinuousBackups with PointInTimeRecoveryEnabled true</source>
        <translation>PointInTimeRecoveryEnabled を true にした UpdateContinuousBackups</translation>
    </message>
    <message>
        <source>Optional, e.g. exports/orders</source>
        <translation>任意 (例: exports/orders)</translation>
    </message>
    <message>
        <source>DynamoDB JSON</source>
        <translation>DynamoDB JSON</translation>
    </message>
    <message>
        <source>Amazon Ion</source>
        <translation>Amazon Ion</translation>
    </message>
    <message>
        <source>&amp;Full export</source>
        <translation>完全エクスポート(&amp;F)</translation>
    </message>
    <message>
        <source>Every item of the table as it was at the export time</source>
        <translation>エクスポート時刻の時点でのテーブルの全項目</translation>
    </message>
    <message>
        <source>&amp;Incremental export</source>
        <translation>増分エクスポート(&amp;I)</translation>
    </message>
    <message>
        <source>The items that changed between two times (15 minutes to 24 hours apart, inside the recovery window)</source>
        <translation>2 つの時刻の間に変更された項目 (間隔は 15 分～24 時間、リカバリ期間内)</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>指定時刻(&amp;A):</translation>
    </message>
    <message>
        <source>Local time; DynamoDB exports the table as it was then (inside the point-in-time recovery window)</source>
        <translation>ローカル時刻。DynamoDB はその時点のテーブルをエクスポートします (ポイントインタイムリカバリの期間内)</translation>
    </message>
    <message>
        <source>New and old images</source>
        <translation>新旧のイメージ</translation>
    </message>
    <message>
        <source>New images only</source>
        <translation>新しいイメージのみ</translation>
    </message>
    <message>
        <source>S3 &amp;bucket:</source>
        <translation>S3 バケット(&amp;B):</translation>
    </message>
    <message>
        <source>S3 &amp;prefix:</source>
        <translation>S3 プレフィックス(&amp;P):</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>形式(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>終了(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>ビュー(&amp;V):</translation>
    </message>
    <message>
        <source>Reading the table…</source>
        <translation>テーブルを読み込み中…</translation>
    </message>
    <message>
        <source>Shows the export&apos;s files in the local bucket&apos;s folder</source>
        <translation>ローカルバケットのフォルダーにあるエクスポートのファイルを表示します</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>ExportTableToPointInTime</source>
        <translation>ExportTableToPointInTime</translation>
    </message>
    <message>
        <source>Cannot read table %1: %2</source>
        <translation>テーブル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Cannot read the point-in-time recovery status: %1</source>
        <translation>ポイントインタイムリカバリの状態を読み込めません: %1</translation>
    </message>
    <message>
        <source>Cannot turn on point-in-time recovery: %1</source>
        <translation>ポイントインタイムリカバリを有効にできません: %1</translation>
    </message>
    <message>
        <source>Turning on point-in-time recovery…</source>
        <translation>ポイントインタイムリカバリを有効にしています…</translation>
    </message>
    <message>
        <source>Starting the export…</source>
        <translation>エクスポートを開始しています…</translation>
    </message>
    <message>
        <source>DynamoDB refused the export: %1</source>
        <translation>DynamoDB がエクスポートを拒否しました: %1</translation>
    </message>
    <message>
        <source>Cannot follow the export any more.</source>
        <translation>エクスポートの進行を追跡できなくなりました。</translation>
    </message>
    <message>
        <source>Cannot read the export&apos;s status: %1</source>
        <translation>エクスポートの状態を読み込めません: %1</translation>
    </message>
    <message>
        <source>Exporting %1 to s3://%2/… (%3)</source>
        <translation>%1 を s3://%2/ にエクスポート中… (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) exported, %1 billed.
Manifest: %2</source>
        <translation>
            <numerusform>%n 件をエクスポートしました。課金対象 %1。
マニフェスト: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed (%1).</source>
        <translation>エクスポートに失敗しました (%1)。</translation>
    </message>
    <message>
        <source>The export failed: %1: %2</source>
        <translation>エクスポートに失敗しました: %1: %2</translation>
    </message>
    <message>
        <source>Open fol&amp;der</source>
        <translation>フォルダーを開く(&amp;D)</translation>
    </message>
    <message>
        <source>Export completed.</source>
        <translation>エクスポートが完了しました。</translation>
    </message>
    <message>
        <source>T&amp;urn on point-in-time recovery</source>
        <translation>ポイントインタイムリカバリを有効にする(&amp;U)</translation>
    </message>
    <message>
        <source>No&amp;w</source>
        <translation>今(&amp;W)</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>種類(&amp;Y):</translation>
    </message>
    <message>
        <source>Export ti&amp;me:</source>
        <translation>エクスポート時刻(&amp;M):</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>開始(&amp;R):</translation>
    </message>
</context>
<context>
    <name>dd::ui::FilterRow</name>
    <message>
        <source>attribute or a.b[0]</source>
        <translation>属性または a.b[0]</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>存在する</translation>
    </message>
    <message>
        <source>not exists</source>
        <translation>存在しない</translation>
    </message>
    <message>
        <source>between</source>
        <translation>範囲内</translation>
    </message>
    <message>
        <source>in (a, b, …)</source>
        <translation>いずれか (a, b, …)</translation>
    </message>
    <message>
        <source>begins with</source>
        <translation>前方一致</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>含む</translation>
    </message>
    <message>
        <source>Type of the value</source>
        <translation>値の型</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>and</source>
        <translation>と</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>この条件を削除</translation>
    </message>
    <message>
        <source>a, b, c</source>
        <translation>a, b, c</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
</context>
<context>
    <name>dd::ui::HistoryView</name>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Show the whole history: the recovery window, every backup and now (Home)</source>
        <translation>履歴全体を表示: 復旧ウィンドウ、すべてのバックアップ、現在 (Home)</translation>
    </message>
    <message>
        <source>Create backup…</source>
        <translation>バックアップを作成…</translation>
    </message>
    <message>
        <source>Delete backup…</source>
        <translation>バックアップを削除…</translation>
    </message>
    <message>
        <source>Point-in-time recovery</source>
        <translation>ポイントインタイムリカバリ</translation>
    </message>
    <message>
        <source>Continuous backups: restore the table to any second of the last 35 days</source>
        <translation>継続的バックアップ: 過去 35 日間の任意の秒の状態にテーブルを復元できます</translation>
    </message>
    <message>
        <source>Restore to new table…</source>
        <translation>新しいテーブルに復元…</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>テーブルを読み取れません: %1</translation>
    </message>
    <message>
        <source>Some of the history could not be read: %1</source>
        <translation>履歴の一部を読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>This endpoint does not offer Dynamodesk&apos;s history operations, so the writes over time cannot be shown. Backups and point-in-time recovery work as usual.</source>
        <translation>このエンドポイントは Dynamodesk の履歴操作に対応していないため、書き込みの推移は表示できません。バックアップとポイントインタイムリカバリは通常どおり使えます。</translation>
    </message>
    <message>
        <source>point-in-time recovery on: restorable from %1 to %2</source>
        <translation>ポイントインタイムリカバリ有効: %1 から %2 まで復元可能</translation>
    </message>
    <message>
        <source>point-in-time recovery off</source>
        <translation>ポイントインタイムリカバリ無効</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n 件のバックアップ</numerusform>
        </translation>
    </message>
    <message>
        <source>writes recorded since %1</source>
        <translation>%1 以降の書き込みを記録</translation>
    </message>
    <message>
        <source>no writes recorded (the change log keeps a table&apos;s writes while it has a stream or point-in-time recovery)</source>
        <translation>書き込みの記録なし (変更ログはテーブルにストリームまたはポイントインタイムリカバリがある間だけ書き込みを保持します)</translation>
    </message>
    <message>
        <source>Cannot read the writes over time: %1</source>
        <translation>書き込みの推移を読み取れません: %1</translation>
    </message>
    <message>
        <source>Select a time within the recovery window or a backup first</source>
        <translation>先に復旧ウィンドウ内の時点かバックアップを選んでください</translation>
    </message>
    <message>
        <source>Restore the selected state into a new table</source>
        <translation>選択した状態を新しいテーブルに復元します</translation>
    </message>
    <message>
        <source>Restore the backup “%1” of %2, taken %3, into a new table.</source>
        <translation>%2 のバックアップ「%1」(%3 に作成) を新しいテーブルに復元します。</translation>
    </message>
    <message>
        <source>Restore %1 as it was at %2 into a new table.</source>
        <translation>%2 時点の %1 を新しいテーブルに復元します。</translation>
    </message>
    <message numerus="yes">
        <source>It will hold %Ln item(s).</source>
        <translation>
            <numerusform>復元後のテーブルは %Ln 項目になります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring into %1…</source>
        <translation>%1 に復元中…</translation>
    </message>
    <message>
        <source>Stopped waiting for the restore; it goes on, and the table appears when it is done</source>
        <translation>復元の待機を中止しました。復元は続行され、完了するとテーブルが表示されます</translation>
    </message>
    <message>
        <source>The restore into %1 failed: %2</source>
        <translation>%1 への復元に失敗しました: %2</translation>
    </message>
    <message>
        <source>Restored into the new table %1</source>
        <translation>新しいテーブル %1 に復元しました</translation>
    </message>
    <message>
        <source>Another change is still running</source>
        <translation>別の変更がまだ実行中です</translation>
    </message>
    <message>
        <source>Create backup</source>
        <translation>バックアップを作成</translation>
    </message>
    <message>
        <source>Back up all items of %1 as they are now. Backup name:</source>
        <translation>%1 のすべての項目を現在の状態でバックアップします。バックアップ名:</translation>
    </message>
    <message>
        <source>Backup %1 of %2 created</source>
        <translation>%2 のバックアップ %1 を作成しました</translation>
    </message>
    <message>
        <source>Delete backup</source>
        <translation>バックアップを削除</translation>
    </message>
    <message>
        <source>Delete the backup “%1” of %2? It cannot be restored afterwards.</source>
        <translation>%2 のバックアップ「%1」を削除しますか? 削除後は復元できません。</translation>
    </message>
    <message>
        <source>Backup %1 deleted</source>
        <translation>バックアップ %1 を削除しました</translation>
    </message>
    <message>
        <source>Point-in-time recovery is on for %1</source>
        <translation>%1 のポイントインタイムリカバリを有効にしました</translation>
    </message>
    <message>
        <source>Turn off point-in-time recovery</source>
        <translation>ポイントインタイムリカバリを無効にする</translation>
    </message>
    <message>
        <source>Turn off point-in-time recovery for %1? Its recovery history is dropped: turning it on again starts a new window.</source>
        <translation>%1 のポイントインタイムリカバリを無効にしますか? 復旧用の履歴は破棄され、再び有効にすると新しい期間が始まります。</translation>
    </message>
    <message>
        <source>Point-in-time recovery is off for %1</source>
        <translation>%1 のポイントインタイムリカバリを無効にしました</translation>
    </message>
    <message>
        <source>The backup %1 was not created: %2</source>
        <translation>バックアップ %1 は作成されませんでした: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) now</source>
        <translation>
            <numerusform>現在 %Ln 項目</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; no restore was started</source>
        <translation>キャンセルしました。復元は開始されていません</translation>
    </message>
</context>
<context>
    <name>dd::ui::ImportDialog</name>
    <message>
        <source>String (S)</source>
        <translation>文字列 (S)</translation>
    </message>
    <message>
        <source>Number (N)</source>
        <translation>数値 (N)</translation>
    </message>
    <message>
        <source>Binary (B)</source>
        <translation>バイナリ (B)</translation>
    </message>
    <message>
        <source>Import from S3: %1</source>
        <translation>S3 からインポート: %1</translation>
    </message>
    <message>
        <source>Creates a new table and loads it with every object under the key prefix, as DynamoDB&apos;s ImportTable does. Lines that are not valid items are counted and skipped.</source>
        <translation>DynamoDB の ImportTable と同じく、新しいテーブルを作成し、キープレフィックスの下のすべてのオブジェクトを読み込みます。有効な項目でない行は数えられ、スキップされます。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Optional, e.g. imports/orders/ (every object whose key starts with it)</source>
        <translation>任意 (例: imports/orders/。キーがこれで始まるすべてのオブジェクト)</translation>
    </message>
    <message>
        <source>DynamoDB JSON</source>
        <translation>DynamoDB JSON</translation>
    </message>
    <message>
        <source>Amazon Ion</source>
        <translation>Amazon Ion</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>GZIP</source>
        <translation>GZIP</translation>
    </message>
    <message>
        <source>ZSTD</source>
        <translation>ZSTD</translation>
    </message>
    <message>
        <source>DynamoDB does not detect it: an export&apos;s data/ folder is GZIP</source>
        <translation>DynamoDB は自動判別しません。エクスポートの data/ フォルダーは GZIP です</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>カンマ ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>セミコロン ( ; )</translation>
    </message>
    <message>
        <source>Colon ( : )</source>
        <translation>コロン ( : )</translation>
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation>パイプ ( | )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>スペース</translation>
    </message>
    <message>
        <source>Optional: column names, comma-separated (then every line is data)</source>
        <translation>任意: 列名をカンマ区切りで (指定するとすべての行がデータになります)</translation>
    </message>
    <message>
        <source>Without it, the first line of each file names the columns</source>
        <translation>指定しない場合、各ファイルの 1 行目が列名になります</translation>
    </message>
    <message>
        <source>S3 &amp;bucket:</source>
        <translation>S3 バケット(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Key prefix:</source>
        <translation>キープレフィックス(&amp;K):</translation>
    </message>
    <message>
        <source>Input &amp;format:</source>
        <translation>入力形式(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Compression:</source>
        <translation>圧縮(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>区切り文字(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>ヘッダー(&amp;H):</translation>
    </message>
    <message>
        <source>New table</source>
        <translation>新しいテーブル</translation>
    </message>
    <message>
        <source>3 to 255 characters: letters, digits, _ . -</source>
        <translation>3～255 文字: 英字、数字、_ . -</translation>
    </message>
    <message>
        <source>Attribute name</source>
        <translation>属性名</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>読み込み:</translation>
    </message>
    <message>
        <source>Write:</source>
        <translation>書き込み:</translation>
    </message>
    <message>
        <source>&amp;Table name:</source>
        <translation>テーブル名(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Partition key:</source>
        <translation>パーティションキー(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Sort key:</source>
        <translation>ソートキー(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Open table</source>
        <translation>テーブルを開く(&amp;O)</translation>
    </message>
    <message>
        <source>Browse the imported table</source>
        <translation>インポートしたテーブルを表示します</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <source>ImportTable</source>
        <translation>ImportTable</translation>
    </message>
    <message>
        <source>Starting the import…</source>
        <translation>インポートを開始しています…</translation>
    </message>
    <message>
        <source>DynamoDB refused the import: %1</source>
        <translation>DynamoDB がインポートを拒否しました: %1</translation>
    </message>
    <message>
        <source>Cannot follow the import any more.</source>
        <translation>インポートの進行を追跡できなくなりました。</translation>
    </message>
    <message>
        <source>Cannot read the import&apos;s status: %1</source>
        <translation>インポートの状態を読み込めません: %1</translation>
    </message>
    <message>
        <source>Importing into table %1… (%2)</source>
        <translation>テーブル %1 にインポート中… (%2)</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Import failed (%1).</source>
        <translation>インポートに失敗しました (%1)。</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>インポートに失敗しました: %1</translation>
    </message>
    <message>
        <source>Some lines were not valid items (not JSON, no Item, a key missing or of the wrong type); the valid ones were imported and table %1 is ready.</source>
        <translation>一部の行は有効な項目ではありませんでした (JSON でない、Item がない、キーがないか型が違う)。有効な行はインポートされ、テーブル %1 を使用できます。</translation>
    </message>
    <message>
        <source>There is no bucket of that name; no table was created.</source>
        <translation>その名前のバケットはありません。テーブルは作成されませんでした。</translation>
    </message>
    <message>
        <source>The first lines refused:</source>
        <translation>拒否された最初の行:</translation>
    </message>
    <message>
        <source>Import completed: table %1 is ready.</source>
        <translation>インポートが完了しました: テーブル %1 を使用できます。</translation>
    </message>
    <message numerus="yes">
        <source>Processed %Ln item(s): %L1 imported, %L2 errors. Read: %3.</source>
        <translation>
            <numerusform>%Ln 件を処理: %L1 件をインポート、エラー %L2 件。読み込み: %3。</numerusform>
        </translation>
    </message>
    <message>
        <source>On-demand billing (PAY_PER_REQUEST)</source>
        <translation>オンデマンド課金 (PAY_PER_REQUEST)</translation>
    </message>
    <message>
        <source>Bi&amp;lling:</source>
        <translation>課金(&amp;L):</translation>
    </message>
    <message>
        <source>C&amp;apacity units:</source>
        <translation>キャパシティユニット(&amp;A):</translation>
    </message>
</context>
<context>
    <name>dd::ui::ImportJsonLines</name>
    <message>
        <source>Line %1</source>
        <translation>%1 行目</translation>
    </message>
    <message>
        <source>Lines %1–%2</source>
        <translation>%1–%2 行目</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み取れません: %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>an empty item</source>
        <translation>空の項目です</translation>
    </message>
    <message>
        <source>the item lacks the table&apos;s key (%1)</source>
        <translation>項目にテーブルのキー (%1) がありません</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>項目 %1</translation>
    </message>
    <message>
        <source>Items %1–%2</source>
        <translation>項目 %1–%2</translation>
    </message>
    <message>
        <source>Not JSON Lines, nor a JSON document: %1 (at byte %2)</source>
        <translation>JSON Lines でも JSON ドキュメントでもありません: %1 (%2 バイト目)</translation>
    </message>
    <message>
        <source>A JSON document must be an array of items or have an &quot;Items&quot; array</source>
        <translation>JSON ドキュメントは項目の配列か、&quot;Items&quot; 配列を持つオブジェクトでなければなりません</translation>
    </message>
</context>
<context>
    <name>dd::ui::IndexRow</name>
    <message>
        <source>Global</source>
        <translation>グローバル</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>ローカル</translation>
    </message>
    <message>
        <source>Local secondary index: the table&apos;s partition key, another sort key</source>
        <translation>ローカルセカンダリインデックス: テーブルのパーティションキーと別のソートキー</translation>
    </message>
    <message>
        <source>Index name</source>
        <translation>インデックス名</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>パーティションキー</translation>
    </message>
    <message>
        <source>Sort key (optional)</source>
        <translation>ソートキー (任意)</translation>
    </message>
    <message>
        <source>Sort key</source>
        <translation>ソートキー</translation>
    </message>
    <message>
        <source>All attributes</source>
        <translation>すべての属性</translation>
    </message>
    <message>
        <source>Keys only</source>
        <translation>キーのみ</translation>
    </message>
    <message>
        <source>Include…</source>
        <translation>指定した属性…</translation>
    </message>
    <message>
        <source>attr1, attr2</source>
        <translation>attr1, attr2</translation>
    </message>
    <message>
        <source>Remove this index</source>
        <translation>このインデックスを削除</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Included attributes</source>
        <translation>含める属性</translation>
    </message>
    <message>
        <source>Global (exists)</source>
        <translation>グローバル (既存)</translation>
    </message>
    <message>
        <source>Global (new)</source>
        <translation>グローバル (新規)</translation>
    </message>
    <message>
        <source>DynamoDB</source>
        <translation>DynamoDB</translation>
    </message>
    <message>
        <source>Global secondary index: any partition and sort key, of up to four attributes each</source>
        <translation>グローバルセカンダリインデックス: 任意のパーティションキーとソートキー (それぞれ最大 4 属性)</translation>
    </message>
    <message>
        <source>Add a partition key attribute (a multi-attribute key: up to %1)</source>
        <translation>パーティションキー属性を追加 (複数属性キー: 最大 %1)</translation>
    </message>
    <message>
        <source>Add a sort key attribute (a multi-attribute key: up to %1)</source>
        <translation>ソートキー属性を追加 (複数属性キー: 最大 %1)</translation>
    </message>
    <message>
        <source>Sort key attribute %1</source>
        <translation>ソートキー属性 %1</translation>
    </message>
    <message>
        <source>Partition key attribute %1</source>
        <translation>パーティションキー属性 %1</translation>
    </message>
    <message>
        <source>Remove this key attribute</source>
        <translation>このキー属性を削除</translation>
    </message>
</context>
<context>
    <name>dd::ui::ItemEditor</name>
    <message>
        <source>New item — %1</source>
        <translation>新しい項目 — %1</translation>
    </message>
    <message>
        <source>Edit item — %1</source>
        <translation>項目の編集 — %1</translation>
    </message>
    <message>
        <source>Duplicate item — %1</source>
        <translation>項目の複製 — %1</translation>
    </message>
    <message>
        <source>DynamoDB JSON</source>
        <translation>DynamoDB JSON</translation>
    </message>
    <message>
        <source>Plain JSON</source>
        <translation>プレーン JSON</translation>
    </message>
    <message>
        <source>&amp;Notation:</source>
        <translation>表記(&amp;N):</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>キー: %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Delete item</source>
        <translation>項目を削除(&amp;D)</translation>
    </message>
    <message>
        <source>Fix the item before switching notation: %1</source>
        <translation>表記を切り替える前に項目を修正してください: %1</translation>
    </message>
    <message>
        <source>at %1: </source>
        <translation>%1 で: </translation>
    </message>
    <message>
        <source>line %1, column %2: </source>
        <translation>%1 行 %2 列: </translation>
    </message>
    <message>
        <source>The key attribute %1 is missing</source>
        <translation>キー属性 %1 がありません</translation>
    </message>
    <message>
        <source>The key attribute %1 must be of type %2, not %3</source>
        <translation>キー属性 %1 は %3 ではなく %2 型でなければなりません</translation>
    </message>
    <message>
        <source>The key attribute %1 must not be empty</source>
        <translation>キー属性 %1 は空にできません</translation>
    </message>
    <message>
        <source>The item is %1 bytes; DynamoDB allows at most %2</source>
        <translation>項目は %1 バイトです。DynamoDB の上限は %2 バイトです</translation>
    </message>
    <message numerus="yes">
        <source>%n attribute(s), %1 bytes</source>
        <translation>
            <numerusform>%n 個の属性、%1 バイト</numerusform>
        </translation>
    </message>
    <message>
        <source>Key attributes cannot change; use Duplicate to copy the item under a new key</source>
        <translation>キー属性は変更できません。新しいキーで項目をコピーするには「複製」を使ってください</translation>
    </message>
    <message>
        <source>Saving… (the item is too large to compare every attribute; comparing %1)</source>
        <translation>保存中… (項目が大きすぎるため全属性は比較できません。%1 個を比較します)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>DynamoDB refused the item: %1</source>
        <translation>DynamoDB が項目を拒否しました: %1</translation>
    </message>
    <message>
        <source>The item changed meanwhile; reading the current version…</source>
        <translation>その間に項目が変更されました。現在の版を読み込んでいます…</translation>
    </message>
    <message>
        <source>The save conflicted, and reading the current item failed: %1</source>
        <translation>保存が競合し、現在の項目の読み込みにも失敗しました: %1</translation>
    </message>
    <message>
        <source>The item changed since you loaded it</source>
        <translation>読み込んだ後に項目が変更されました</translation>
    </message>
    <message>
        <source>An item with this key exists already</source>
        <translation>このキーの項目は既に存在します</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>削除中…</translation>
    </message>
    <message>
        <source>Not deleted: the item changed since you loaded it</source>
        <translation>削除されませんでした: 読み込んだ後に項目が変更されています</translation>
    </message>
    <message>
        <source>DynamoDB refused the delete: %1</source>
        <translation>DynamoDB が削除を拒否しました: %1</translation>
    </message>
    <message>
        <source>Checking that the item is unchanged…</source>
        <translation>項目が変更されていないか確認しています…</translation>
    </message>
    <message>
        <source>Reading the item before saving failed: %1</source>
        <translation>保存前に項目を読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>項目を削除</translation>
    </message>
    <message>
        <source>Delete this item from %1? This cannot be undone.</source>
        <translation>%1 からこの項目を削除しますか？元に戻せません。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Close without saving your changes to the item?</source>
        <translation>項目への変更を保存せずに閉じますか?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
</context>
<context>
    <name>dd::ui::ItemTableModel</name>
    <message>
        <source>%1: partition key (%2)</source>
        <translation>%1: パーティションキー (%2)</translation>
    </message>
    <message>
        <source>%1: sort key (%2)</source>
        <translation>%1: ソートキー (%2)</translation>
    </message>
    <message>
        <source>%1: partition key attribute %2 of %3 of index %4 (%5)</source>
        <translation>%1: インデックス %4 のパーティションキー属性 %2/%3 (%5)</translation>
    </message>
    <message>
        <source>%1: sort key attribute %2 of %3 of index %4 (%5)</source>
        <translation>%1: インデックス %4 のソートキー属性 %2/%3 (%5)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ item(s)</source>
        <translation>
            <numerusform>%Ln 件以上</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::ItemTreeEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>Add an attribute or element to the selected map, list or set (Insert)</source>
        <translation>選択したマップ・リスト・セットに属性または要素を追加 (Insert)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>削除(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected node (Delete)</source>
        <translation>選択したノードを削除 (Delete)</translation>
    </message>
</context>
<context>
    <name>dd::ui::ItemTreeModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>attribute</source>
        <translation>attribute</translation>
    </message>
    <message>
        <source>attribute%1</source>
        <translation>attribute%1</translation>
    </message>
    <message>
        <source>An attribute name must not be empty</source>
        <translation>属性名を空にすることはできません</translation>
    </message>
    <message>
        <source>The name %1 is used twice in one map</source>
        <translation>名前 %1 が同じマップ内で重複しています</translation>
    </message>
    <message>
        <source>{%1 attrs}</source>
        <translation>{%1 個の属性}</translation>
    </message>
</context>
<context>
    <name>dd::ui::JobText</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 バイト)</translation>
    </message>
</context>
<context>
    <name>dd::ui::JobsDialog</name>
    <message>
        <source>Exports and imports: %1</source>
        <translation>エクスポートとインポート: %1</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>Export ID</source>
        <translation>エクスポート ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Select an export or an import.</source>
        <translation>エクスポートかインポートを選択してください。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>ListExports and ListImports again</source>
        <translation>ListExports と ListImports をもう一度実行します</translation>
    </message>
    <message>
        <source>Cannot list the exports: %1</source>
        <translation>エクスポートを一覧できません: %1</translation>
    </message>
    <message>
        <source>Cannot list the imports: %1</source>
        <translation>インポートを一覧できません: %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>Cannot describe %1: %2</source>
        <translation>%1 の詳細を取得できません: %2</translation>
    </message>
    <message>
        <source>Export %1 of table %2 (DescribeExport)</source>
        <translation>テーブル %2 のエクスポート %1 (DescribeExport)</translation>
    </message>
    <message>
        <source>Import %1 into table %2 (DescribeImport)</source>
        <translation>テーブル %2 へのインポート %1 (DescribeImport)</translation>
    </message>
    <message>
        <source>Reading the exports and imports…</source>
        <translation>エクスポートとインポートを読み込み中…</translation>
    </message>
    <message numerus="yes">
        <source>%n export(s), </source>
        <translation>
            <numerusform>エクスポート %n 件、</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n import(s).</source>
        <translation>
            <numerusform>インポート %n 件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::KeyTypeCombo</name>
    <message>
        <source>String</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>バイナリ</translation>
    </message>
</context>
<context>
    <name>dd::ui::MainWindow</name>
    <message>
        <source>Dynamodesk</source>
        <translation>Dynamodesk</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Delete table</source>
        <translation>テーブルの削除</translation>
    </message>
    <message>
        <source>DynamoDB refused: %1</source>
        <translation>DynamoDB が拒否しました: %1</translation>
    </message>
    <message>
        <source>New &amp;connection…</source>
        <translation>新しい接続(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New table…</source>
        <translation>新しいテーブル(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open table</source>
        <translation>テーブルを開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete table…</source>
        <translation>テーブルを削除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Serve on 127.0.0.1</source>
        <translation>127.0.0.1 で公開(&amp;S)</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>次のタブ</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>前のタブ</translation>
    </message>
    <message>
        <source>Go to the connection tree</source>
        <translation>接続ツリーへ移動</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>テーブル(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>The language changes when Dynamodesk starts again</source>
        <translation>言語は Dynamodesk の次回起動時に切り替わります</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Dynamodesk</source>
        <translation>Dynamodesk について(&amp;A)</translation>
    </message>
    <message>
        <source>About Dynamodesk</source>
        <translation>Dynamodesk について</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dynamodesk %1&lt;/b&gt;&lt;p&gt;A desktop workbench and local emulator for Amazon DynamoDB.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Dynamodesk %1&lt;/b&gt;&lt;p&gt;Amazon DynamoDB のためのデスクトップワークベンチ兼ローカルエミュレーターです。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>接続できません</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>%1 を開けません:
%2</translation>
    </message>
    <message>
        <source>Created table %1</source>
        <translation>テーブル %1 を作成しました</translation>
    </message>
    <message>
        <source>Cannot serve</source>
        <translation>公開できません</translation>
    </message>
    <message>
        <source>Cannot serve on 127.0.0.1:%1:
%2</source>
        <translation>127.0.0.1:%1 で公開できません:
%2</translation>
    </message>
    <message>
        <source>Serving %1</source>
        <translation>%1 で公開中</translation>
    </message>
    <message>
        <source>Delete the table %1 and all its items? This cannot be undone.</source>
        <translation>テーブル %1 とそのすべての項目を削除しますか?元に戻せません。</translation>
    </message>
    <message>
        <source>&amp;Transaction builder…</source>
        <translation>トランザクションビルダー(&amp;T)…</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>トランザクション</translation>
    </message>
    <message>
        <source>Transaction builder — %1</source>
        <translation>トランザクションビルダー — %1</translation>
    </message>
    <message>
        <source>Stream: %1</source>
        <translation>ストリーム: %1</translation>
    </message>
    <message>
        <source>&amp;Edit table…</source>
        <translation>テーブルを編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Updated table %1</source>
        <translation>テーブル %1 を更新しました</translation>
    </message>
    <message>
        <source>Backups and &amp;history</source>
        <translation>バックアップと履歴(&amp;H)</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>履歴: %1</translation>
    </message>
    <message>
        <source>Compact data folder</source>
        <translation>データフォルダーの圧縮</translation>
    </message>
    <message>
        <source>Compacting gives the space that deleted tables and items left inside the files of %1 back to the file system. It closes %2 and its tabs first and opens it again when it is done; while it runs, programs using the served database must wait.

Compact now?</source>
        <translation>圧縮すると、削除されたテーブルや項目が %1 のファイル内に残した領域がファイルシステムに返されます。先に %2 とそのタブを閉じ、完了後に再び開きます。実行中は、公開中のデータベースを使うプログラムは待機します。

今すぐ圧縮しますか？</translation>
    </message>
    <message>
        <source>Compacting %1…</source>
        <translation>%1 を圧縮しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Compaction cancelled.</source>
        <translation>圧縮をキャンセルしました。</translation>
    </message>
    <message>
        <source>Freed %1.</source>
        <translation>%1 を解放しました。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>&amp;PartiQL editor…</source>
        <translation>PartiQL エディター(&amp;P)…</translation>
    </message>
    <message>
        <source>PartiQL</source>
        <translation>PartiQL</translation>
    </message>
    <message>
        <source>PartiQL editor — %1</source>
        <translation>PartiQL エディター — %1</translation>
    </message>
    <message>
        <source>&amp;Global table…</source>
        <translation>グローバルテーブル(&amp;G)…</translation>
    </message>
    <message>
        <source>E&amp;xport to S3…</source>
        <translation>S3 にエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import from S3…</source>
        <translation>S3 からインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Exports and i&amp;mports…</source>
        <translation>エクスポートとインポート(&amp;M)…</translation>
    </message>
    <message>
        <source>D&amp;AX clusters…</source>
        <translation>DAX クラスター(&amp;A)…</translation>
    </message>
    <message>
        <source>%1 is not open: its data folder is encrypted and no passphrase was given.</source>
        <translation>%1 は開かれていません: データフォルダーが暗号化されており、パスフレーズが入力されませんでした。</translation>
    </message>
    <message>
        <source>Encrypt data folder</source>
        <translation>データフォルダーの暗号化</translation>
    </message>
    <message>
        <source>Encrypting %1…</source>
        <translation>%1 を暗号化しています…</translation>
    </message>
    <message>
        <source>Encrypted the data folder %1</source>
        <translation>データフォルダー %1 を暗号化しました</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>パスフレーズの変更</translation>
    </message>
    <message>
        <source>Changing the passphrase of %1…</source>
        <translation>%1 のパスフレーズを変更しています…</translation>
    </message>
    <message>
        <source>Changed the passphrase of %1</source>
        <translation>%1 のパスフレーズを変更しました</translation>
    </message>
    <message>
        <source>Decrypt data folder</source>
        <translation>データフォルダーの復号</translation>
    </message>
    <message>
        <source>Decrypting %1…</source>
        <translation>%1 を復号しています…</translation>
    </message>
    <message>
        <source>Decrypted the data folder %1: it is stored in the clear</source>
        <translation>データフォルダー %1 を復号しました: 暗号化せずに保存されています</translation>
    </message>
    <message>
        <source>%1: the passphrase does not open %2; nothing was changed.</source>
        <translation>%1: このパスフレーズでは %2 を開けません。何も変更されていません。</translation>
    </message>
    <message>
        <source>Cop&amp;y table to…</source>
        <translation>テーブルをコピー(&amp;Y)…</translation>
    </message>
    <message>
        <source>Resource po&amp;licy…</source>
        <translation>リソースポリシー(&amp;L)…</translation>
    </message>
    <message>
        <source>Contri&amp;butor insights</source>
        <translation>Contributor Insights(&amp;B)</translation>
    </message>
    <message>
        <source>Insights: %1</source>
        <translation>インサイト: %1</translation>
    </message>
    <message>
        <source>Stream &amp;viewer</source>
        <translation>ストリームビューアー(&amp;V)</translation>
    </message>
    <message>
        <source>Close &amp;tab</source>
        <translation>タブを閉じる(&amp;T)</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>タブを閉じる</translation>
    </message>
    <message>
        <source>A delete, export or import is running in %1. Close the tab and stop it? What it has done so far stays.</source>
        <translation>%1 で削除、エクスポート、またはインポートが実行中です。タブを閉じて停止しますか?ここまでに行われた処理はそのまま残ります。</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>停止して閉じる</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>%1 capacity units</source>
        <translation>%1 キャパシティユニット</translation>
    </message>
    <message>
        <source> · </source>
        <comment>list separator</comment>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>dd::ui::ParameterGroupsPanel</name>
    <message>
        <source>Parameter group</source>
        <translation>パラメータグループ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>&amp;New parameter group…</source>
        <translation>新しいパラメータグループ(&amp;N)…</translation>
    </message>
    <message>
        <source>Dax.CreateParameterGroup: a group starts with the default TTLs</source>
        <translation>Dax.CreateParameterGroup: 新しいグループは既定の TTL で始まります</translation>
    </message>
    <message>
        <source>D&amp;elete group…</source>
        <translation>グループを削除(&amp;E)…</translation>
    </message>
    <message>
        <source>Dax.DeleteParameterGroup (DAX refuses while a cluster uses the group)</source>
        <translation>Dax.DeleteParameterGroup (クラスターがグループを使っている間は DAX が拒否します)</translation>
    </message>
    <message>
        <source>Cannot list the parameter groups: %1</source>
        <translation>パラメータグループを一覧できません: %1</translation>
    </message>
    <message>
        <source>Cannot read the parameters of %1: %2</source>
        <translation>%1 のパラメータを読み込めません: %2</translation>
    </message>
    <message>
        <source>Saving the TTLs of %1…</source>
        <translation>%1 の TTL を保存しています…</translation>
    </message>
    <message>
        <source>DAX refused the TTLs: %1</source>
        <translation>DAX が TTL を拒否しました: %1</translation>
    </message>
    <message>
        <source>Saved the TTLs of %1; the clusters that use it apply them to what they cache from now on.</source>
        <translation>%1 の TTL を保存しました。このグループを使うクラスターは、これからキャッシュするものに新しい TTL を適用します。</translation>
    </message>
    <message>
        <source>New parameter group</source>
        <translation>新しいパラメータグループ</translation>
    </message>
    <message>
        <source>Name of the new parameter group (letters, digits and hyphens, starting with a letter):</source>
        <translation>新しいパラメータグループの名前 (英字・数字・ハイフン、先頭は英字):</translation>
    </message>
    <message>
        <source>Creating parameter group %1…</source>
        <translation>パラメータグループ %1 を作成しています…</translation>
    </message>
    <message>
        <source>DAX refused the parameter group: %1</source>
        <translation>DAX がパラメータグループを拒否しました: %1</translation>
    </message>
    <message>
        <source>Created parameter group %1.</source>
        <translation>パラメータグループ %1 を作成しました。</translation>
    </message>
    <message>
        <source>Delete parameter group</source>
        <translation>パラメータグループの削除</translation>
    </message>
    <message>
        <source>Delete parameter group %1? DAX refuses while a cluster uses it.</source>
        <translation>パラメータグループ %1 を削除しますか？ クラスターが使っている間は DAX が拒否します。</translation>
    </message>
    <message>
        <source>Deleting parameter group %1…</source>
        <translation>パラメータグループ %1 を削除しています…</translation>
    </message>
    <message>
        <source>DAX refused to delete the parameter group: %1</source>
        <translation>DAX がパラメータグループの削除を拒否しました: %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::PartiqlEditor</name>
    <message>
        <source>SELECT * FROM &quot;Orders&quot; WHERE customerId = ?
-- Ctrl+Return runs the statement</source>
        <translation>SELECT * FROM &quot;Orders&quot; WHERE customerId = ?
-- Ctrl+Return でステートメントを実行</translation>
    </message>
    <message>
        <source>Values of the ? in order, e.g. [{&quot;S&quot;: &quot;Acme&quot;}, {&quot;N&quot;: &quot;3&quot;}]</source>
        <translation>? の値を順に指定 (例: [{&quot;S&quot;: &quot;Acme&quot;}, {&quot;N&quot;: &quot;3&quot;}])</translation>
    </message>
    <message>
        <source>&amp;Parameters</source>
        <translation>パラメーター(&amp;P)</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>Limit: how many items DynamoDB reads for one page; Load more asks for the next</source>
        <translation>Limit: DynamoDB が 1 ページで読み取る項目数。「さらに読み込む」で次のページを取得します</translation>
    </message>
    <message>
        <source>Page si&amp;ze</source>
        <translation>ページサイズ(&amp;Z)</translation>
    </message>
    <message>
        <source>Consistent read</source>
        <translation>強い整合性の読み込み</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Run the statement (%1)</source>
        <translation>ステートメントを実行 (%1)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop waiting for the statement (a write that DynamoDB received is not undone)</source>
        <translation>ステートメントの完了を待つのをやめる (DynamoDB が受け取った書き込みは取り消されません)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message numerus="yes">
        <source>The last %n statement(s) that ran on this connection</source>
        <translation>
            <numerusform>この接続で実行した最近の %n 件のステートメント</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy as AWS &amp;CLI</source>
        <translation>AWS CLI としてコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>さらに読み込む</translation>
    </message>
    <message>
        <source>The next page of the same statement (NextToken)</source>
        <translation>同じステートメントの次のページ (NextToken)</translation>
    </message>
    <message>
        <source>The parameters are not JSON: %1 at character %2</source>
        <translation>パラメーターが JSON ではありません: %2 文字目で %1</translation>
    </message>
    <message>
        <source>The parameters must be a JSON array of attribute values, e.g. [{&quot;S&quot;: &quot;Acme&quot;}, {&quot;N&quot;: &quot;3&quot;}]</source>
        <translation>パラメーターは属性値の JSON 配列でなければなりません (例: [{&quot;S&quot;: &quot;Acme&quot;}, {&quot;N&quot;: &quot;3&quot;}])</translation>
    </message>
    <message>
        <source>Parameter %1 is not an attribute value such as {&quot;S&quot;: &quot;Acme&quot;}</source>
        <translation>パラメーター %1 は {&quot;S&quot;: &quot;Acme&quot;} のような属性値ではありません</translation>
    </message>
    <message>
        <source>Parameter %1: %2</source>
        <translation>パラメーター %1: %2</translation>
    </message>
    <message>
        <source>Type a statement to run</source>
        <translation>実行するステートメントを入力してください</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <source>Loading the next page…</source>
        <translation>次のページを読み込み中…</translation>
    </message>
    <message>
        <source>Cancelled; a write that DynamoDB received is not undone</source>
        <translation>キャンセルしました。DynamoDB が受け取った書き込みは取り消されません</translation>
    </message>
    <message>
        <source>Statement ran</source>
        <translation>ステートメントを実行しました</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 capacity units</source>
        <translation>%1 キャパシティユニット</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n ページ</numerusform>
        </translation>
    </message>
    <message>
        <source>more to load</source>
        <translation>続きがあります</translation>
    </message>
    <message>
        <source>Only the items of a SELECT from a table open in the item editor</source>
        <translation>項目エディターで開けるのは、テーブルに対する SELECT の項目だけです</translation>
    </message>
</context>
<context>
    <name>dd::ui::PassphraseDialog</name>
    <message>
        <source>New &amp;passphrase:</source>
        <translation>新しいパスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>Con&amp;firm passphrase:</source>
        <translation>パスフレーズの確認(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>OK(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
</context>
<context>
    <name>dd::ui::PatternResolution</name>
    <message>
        <source>the key on %1 has no sort key</source>
        <translation>%1 のキーにはソートキーがありません</translation>
    </message>
    <message>
        <source>the key on %1 sorts by %2, not %3</source>
        <translation>%1 のキーは %3 ではなく %2 で並べ替えます</translation>
    </message>
    <message>
        <source>begins_with needs a String or Binary sort key; %1 is a Number</source>
        <translation>begins_with には文字列またはバイナリのソートキーが必要です。%1 は数値です</translation>
    </message>
    <message>
        <source>Name the attribute it looks up by</source>
        <translation>検索に使う属性を指定してください</translation>
    </message>
    <message>
        <source>Query on the table&apos;s key: %1%2</source>
        <translation>テーブルのキーで Query: %1%2</translation>
    </message>
    <message>
        <source>Query on local index %1: %2%3</source>
        <translation>ローカルインデックス %1 で Query: %2%3</translation>
    </message>
    <message>
        <source>Query on global index %1: %2%3</source>
        <translation>グローバルインデックス %1 で Query: %2%3</translation>
    </message>
    <message>
        <source>No key or index serves this: %1</source>
        <translation>対応するキーもインデックスもありません: %1</translation>
    </message>
    <message>
        <source>No key or index serves this: add a global index on (%1)</source>
        <translation>対応するキーもインデックスもありません: (%1) にグローバルインデックスを追加してください</translation>
    </message>
    <message>
        <source>No key or index serves this (%1): add a global index on (%2)</source>
        <translation>対応するキーもインデックスもありません (%1): (%2) にグローバルインデックスを追加してください</translation>
    </message>
    <message>
        <source>global index %1 is partitioned by %2 together: a Query gives each of them with =, and an access pattern names one</source>
        <translation>グローバルインデックス %1 は %2 の組み合わせでパーティション分割されます。Query ではそのすべてに = を指定しますが、アクセスパターンが指定するのは 1 つだけです</translation>
    </message>
    <message>
        <source>global index %1 sorts by %2 in turn: a condition on %3 needs = on %4 before it, and an access pattern names one sort attribute</source>
        <translation>グローバルインデックス %1 は %2 の順に並べ替えます。%3 の条件にはその前の %4 に = が必要ですが、アクセスパターンが指定するソート属性は 1 つだけです</translation>
    </message>
</context>
<context>
    <name>dd::ui::PolicyEditor</name>
    <message>
        <source>&amp;Format</source>
        <translation>整形(&amp;F)</translation>
    </message>
    <message>
        <source>Indent the policy by two spaces, keeping the order of its members (Ctrl+Shift+F)</source>
        <translation>メンバーの順序を保ったまま、ポリシーを 2 スペースでインデントします(Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Insert te&amp;mplate</source>
        <translation>テンプレートを挿入(&amp;M)</translation>
    </message>
    <message>
        <source>Add a template&apos;s statement to the policy, with this resource&apos;s ARN filled in</source>
        <translation>このリソースの ARN を埋めたテンプレートのステートメントをポリシーに追加します</translation>
    </message>
    <message>
        <source>DynamoDB counts spaces and line breaks against its limit of 20 KB per policy</source>
        <translation>DynamoDB はポリシーごとの上限 20 KB に空白と改行も数えます</translation>
    </message>
    <message>
        <source>No resource-based policy. Type one in IAM&apos;s JSON policy language, or insert a template.</source>
        <translation>リソースベースのポリシーはありません。IAM の JSON ポリシー言語で入力するか、テンプレートを挿入してください。</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 / %2 バイト</translation>
    </message>
</context>
<context>
    <name>dd::ui::PolicyTemplate</name>
    <message>
        <source>Allow an IAM user read access</source>
        <translation>IAM ユーザーに読み取りを許可</translation>
    </message>
    <message>
        <source>GetItem, BatchGetItem, Query, Scan and DescribeTable on the table and its indexes, for one IAM user of this account</source>
        <translation>このアカウントの IAM ユーザー 1 人に、テーブルとそのインデックスでの GetItem、BatchGetItem、Query、Scan、DescribeTable を許可します</translation>
    </message>
    <message>
        <source>Allow an IAM role to read and write items</source>
        <translation>IAM ロールに項目の読み書きを許可</translation>
    </message>
    <message>
        <source>Reads, and PutItem, UpdateItem, DeleteItem and BatchWriteItem, for one IAM role of this account (an application&apos;s or a Lambda function&apos;s)</source>
        <translation>このアカウントの IAM ロール 1 つ(アプリケーションや Lambda 関数のロール)に、読み取りと PutItem、UpdateItem、DeleteItem、BatchWriteItem を許可します</translation>
    </message>
    <message>
        <source>Deny deletes of items and of the table</source>
        <translation>項目とテーブルの削除を拒否</translation>
    </message>
    <message>
        <source>Nobody may call DeleteItem, a PartiQL DELETE or DeleteTable, whatever their IAM policies allow (an explicit Deny wins). BatchWriteItem can still delete: deny it too if nobody needs it</source>
        <translation>IAM ポリシーが何を許可していても、誰も DeleteItem、PartiQL の DELETE、DeleteTable を呼び出せません(明示的な Deny が優先されます)。BatchWriteItem では引き続き削除できるため、不要なら同様に拒否してください</translation>
    </message>
    <message>
        <source>Read-only for one account</source>
        <translation>1 つのアカウントに読み取り専用</translation>
    </message>
    <message>
        <source>Another AWS account may read the table and its indexes; its own IAM policies say which of its users and roles</source>
        <translation>別の AWS アカウントがテーブルとそのインデックスを読み取れます。そのうちどのユーザーとロールかは、そのアカウント自身の IAM ポリシーが決めます</translation>
    </message>
    <message>
        <source>Allow an IAM role to read the stream</source>
        <translation>IAM ロールにストリームの読み取りを許可</translation>
    </message>
    <message>
        <source>DescribeStream, GetShardIterator and GetRecords for one IAM role of this account, such as the execution role of a Lambda function that the stream triggers</source>
        <translation>このアカウントの IAM ロール 1 つ(ストリームがトリガーする Lambda 関数の実行ロールなど)に、DescribeStream、GetShardIterator、GetRecords を許可します</translation>
    </message>
    <message>
        <source>Read-only stream access for one account</source>
        <translation>1 つのアカウントにストリームの読み取り専用アクセス</translation>
    </message>
    <message>
        <source>Another AWS account may read the stream&apos;s records</source>
        <translation>別の AWS アカウントがストリームのレコードを読み取れます</translation>
    </message>
</context>
<context>
    <name>dd::ui::PreviewTables</name>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Change since then</source>
        <translation>その後の変更</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>当時</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>The item exists then and now, with other values</source>
        <translation>この項目は当時も現在も存在しますが、値が異なります</translation>
    </message>
    <message>
        <source>The item existed then and has been deleted since: a restore brings it back</source>
        <translation>この項目は当時存在し、その後削除されました。復元すると元に戻ります</translation>
    </message>
    <message>
        <source>The item was created since then: the restored table does not have it</source>
        <translation>この項目はその後に作成されました。復元したテーブルには含まれません</translation>
    </message>
</context>
<context>
    <name>dd::ui::ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::QueryBar</name>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>#pk = :pk AND begins_with(#sk, :prefix)</source>
        <translation>#pk = :pk AND begins_with(#sk, :prefix)</translation>
    </message>
    <message>
        <source>&amp;Key condition:</source>
        <translation>キー条件(&amp;K):</translation>
    </message>
    <message>
        <source>optional, e.g. #status = :open</source>
        <translation>任意、例: #status = :open</translation>
    </message>
    <message>
        <source>optional, e.g. pk, sk, total</source>
        <translation>任意、例: pk, sk, total</translation>
    </message>
    <message>
        <source>Items per page (Limit)</source>
        <translation>1 ページの項目数 (Limit)</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>降順(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>実行(&amp;R)</translation>
    </message>
    <message>
        <source>Run (Ctrl+Return)</source>
        <translation>実行 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>AWS &amp;CLI</source>
        <translation>AWS &amp;CLI</translation>
    </message>
    <message>
        <source>&amp;on</source>
        <translation>対象(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>フィルター(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Names:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation>値(&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Projection:</source>
        <translation>射影(&amp;P):</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>A Query needs a key condition</source>
        <translation>Query にはキー条件が必要です</translation>
    </message>
    <message>
        <source>Names must be a JSON object such as {&quot;#pk&quot;: &quot;customerId&quot;}</source>
        <translation>名前は {&quot;#pk&quot;: &quot;customerId&quot;} のような JSON オブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>Values: %1</source>
        <translation>値: %1</translation>
    </message>
    <message>
        <source>E&amp;xpressions</source>
        <translation>式(&amp;X)</translation>
    </message>
    <message>
        <source>Show and edit the request as raw DynamoDB expressions</source>
        <translation>リクエストを DynamoDB の式として表示・編集</translation>
    </message>
    <message>
        <source>Table (%1)</source>
        <translation>テーブル (%1)</translation>
    </message>
    <message>
        <source>The builder is as you left it; edits to the raw expressions stay in the Expressions view</source>
        <translation>ビルダーは元のままです。式への変更は式ビューにのみ残ります</translation>
    </message>
    <message>
        <source>Con&amp;sistent read</source>
        <translation>強い整合性の読み込み(&amp;S)</translation>
    </message>
    <message>
        <source>Page si&amp;ze:</source>
        <translation>ページサイズ(&amp;Z):</translation>
    </message>
</context>
<context>
    <name>dd::ui::QueryBuilder</name>
    <message>
        <source>any</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <source>between</source>
        <translation>範囲内</translation>
    </message>
    <message>
        <source>begins with</source>
        <translation>前方一致</translation>
    </message>
    <message>
        <source>and</source>
        <translation>と</translation>
    </message>
    <message>
        <source>all of</source>
        <translation>すべて満たす</translation>
    </message>
    <message>
        <source>any of</source>
        <translation>いずれか満たす</translation>
    </message>
    <message>
        <source>Add &amp;filter</source>
        <translation>フィルターを追加(&amp;F)</translation>
    </message>
    <message>
        <source>all attributes</source>
        <translation>すべての属性</translation>
    </message>
    <message>
        <source>Attribute names or paths, separated by commas</source>
        <translation>属性名またはパス (カンマ区切り)</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>選択</translation>
    </message>
    <message>
        <source>Filter: items matching</source>
        <translation>フィルター: 次の条件に一致する項目</translation>
    </message>
    <message>
        <source>Pro&amp;jection:</source>
        <translation>射影(&amp;J):</translation>
    </message>
    <message>
        <source>Partition key =</source>
        <translation>パーティションキー =</translation>
    </message>
    <message>
        <source>%1 (%2) =</source>
        <translation>%1 (%2) =</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>base64</source>
        <translation>base64</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(no attributes seen yet)</source>
        <translation>(まだ属性がありません)</translation>
    </message>
    <message>
        <source>Partition key attribute %1 of %2: a value is required</source>
        <translation>パーティションキー属性 %1/%2: 値が必要です</translation>
    </message>
    <message>
        <source>Sort: %1 (%2)</source>
        <translation>ソート: %1 (%2)</translation>
    </message>
    <message>
        <source>Sort key attribute %1 of %2. Use them in order: = on each one before the last one you use, any condition on that last one</source>
        <translation>ソートキー属性 %1/%2。順番に使用します: 最後に使う属性より前の属性にはすべて =、最後の属性には任意の条件を指定します</translation>
    </message>
</context>
<context>
    <name>dd::ui::ReplicasDialog</name>
    <message>
        <source>Global table: %1</source>
        <translation>グローバルテーブル: %1</translation>
    </message>
    <message>
        <source>The regions that hold table %1. A write in any of them reaches the others within about a second.</source>
        <translation>テーブル %1 を保持するリージョンです。いずれかのリージョンへの書き込みは約 1 秒以内に他のリージョンに届きます。</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>This table has no replicas yet: it lives in %1 only. Add a replica to make it a global table (version 2019.11.21); the table must be on-demand (PAY_PER_REQUEST).</source>
        <translation>このテーブルにはまだレプリカがありません (%1 のみ)。レプリカを追加するとグローバルテーブル (バージョン 2019.11.21) になります。テーブルはオンデマンド (PAY_PER_REQUEST) である必要があります。</translation>
    </message>
    <message>
        <source>Reading the table…</source>
        <translation>テーブルを読み取っています…</translation>
    </message>
    <message>
        <source>Region, e.g. eu-west-1</source>
        <translation>リージョン (例: eu-west-1)</translation>
    </message>
    <message>
        <source>A&amp;dd a replica in:</source>
        <translation>レプリカの追加先(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Add replica</source>
        <translation>レプリカを追加(&amp;A)</translation>
    </message>
    <message>
        <source>UpdateTable with ReplicaUpdates Create: makes the table in that region and copies its items there</source>
        <translation>ReplicaUpdates の Create を指定した UpdateTable: そのリージョンにテーブルを作成し、項目をコピーします</translation>
    </message>
    <message>
        <source>&amp;Remove replica…</source>
        <translation>レプリカを削除(&amp;R)…</translation>
    </message>
    <message>
        <source>UpdateTable with ReplicaUpdates Delete: deletes the table in the selected region with all its items</source>
        <translation>ReplicaUpdates の Delete を指定した UpdateTable: 選択したリージョンのテーブルをすべての項目とともに削除します</translation>
    </message>
    <message>
        <source>&amp;Open region</source>
        <translation>リージョンを開く(&amp;O)</translation>
    </message>
    <message>
        <source>Browse the table in the selected region over the same connection</source>
        <translation>同じ接続で、選択したリージョンのテーブルを表示します</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>テーブルを読み取れません: %1</translation>
    </message>
    <message>
        <source>Cannot add a replica in %1: %2</source>
        <translation>%1 にレプリカを追加できません: %2</translation>
    </message>
    <message>
        <source>Cannot remove the replica in %1: %2</source>
        <translation>%1 のレプリカを削除できません: %2</translation>
    </message>
    <message>
        <source>Adding a replica in %1…</source>
        <translation>%1 にレプリカを追加しています…</translation>
    </message>
    <message>
        <source>Removing the replica in %1…</source>
        <translation>%1 のレプリカを削除しています…</translation>
    </message>
    <message>
        <source>%1 already holds this table.</source>
        <translation>%1 にはすでにこのテーブルがあります。</translation>
    </message>
    <message>
        <source>Remove replica</source>
        <translation>レプリカの削除</translation>
    </message>
    <message>
        <source>Remove the replica in %1? This deletes table %2 in %1 with all its items; the other regions keep theirs. It cannot be undone.</source>
        <translation>%1 のレプリカを削除しますか？ %1 のテーブル %2 がすべての項目とともに削除されます。他のリージョンのテーブルはそのまま残ります。この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>%1 (this region)</source>
        <translation>%1 (このリージョン)</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <source>Copying items to %1…</source>
        <translation>%1 に項目をコピーしています…</translation>
    </message>
    <message>
        <source>Waiting for %1…</source>
        <translation>%1 を待っています…</translation>
    </message>
    <message>
        <source>Updating the table…</source>
        <translation>テーブルを更新しています…</translation>
    </message>
</context>
<context>
    <name>dd::ui::ResourcePolicyDialog</name>
    <message>
        <source>Resource policy: %1</source>
        <translation>リソースポリシー: %1</translation>
    </message>
    <message>
        <source>A resource-based policy says which principals (IAM users and roles, other accounts) may do what with this table or its stream. DynamoDB weighs it together with their own IAM policies; an explicit Deny always wins.</source>
        <translation>リソースベースのポリシーは、どのプリンシパル(IAM ユーザーとロール、他のアカウント)がこのテーブルまたはそのストリームに対して何をできるかを定めます。DynamoDB はこれをプリンシパル自身の IAM ポリシーと合わせて評価し、明示的な Deny が常に優先されます。</translation>
    </message>
    <message>
        <source>&amp;Table %1</source>
        <translation>テーブル %1(&amp;T)</translation>
    </message>
    <message>
        <source>Its &amp;stream</source>
        <translation>そのストリーム(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>再読み込み(&amp;L)</translation>
    </message>
    <message>
        <source>Read the policy as it is now; Undo in the editor brings your text back</source>
        <translation>現在のポリシーを読み込みます。エディターで元に戻すと、あなたのテキストが戻ります</translation>
    </message>
    <message>
        <source>&amp;Delete policy…</source>
        <translation>ポリシーを削除(&amp;D)…</translation>
    </message>
    <message>
        <source>DeleteResourcePolicy: only if the policy is still the revision shown</source>
        <translation>DeleteResourcePolicy: ポリシーが表示中のリビジョンのままの場合のみ</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>Read the policy again; Undo in the editor brings your text back</source>
        <translation>ポリシーを読み込み直します。エディターで元に戻すと、あなたのテキストが戻ります</translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation>保存(&amp;A)</translation>
    </message>
    <message>
        <source>PutResourcePolicy: only if nobody changed the policy since it was loaded (Ctrl+S)</source>
        <translation>PutResourcePolicy: 読み込んでから誰もポリシーを変更していない場合のみ(Ctrl+S)</translation>
    </message>
    <message>
        <source>Table %1 could not be read. %2</source>
        <translation>テーブル %1 を読み取れませんでした。%2</translation>
    </message>
    <message>
        <source>The policy could not be read. %1</source>
        <translation>ポリシーを読み取れませんでした。%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>テーブル %1</translation>
    </message>
    <message>
        <source>the stream of table %1</source>
        <translation>テーブル %1 のストリーム</translation>
    </message>
    <message>
        <source>Save resource policy</source>
        <translation>リソースポリシーの保存</translation>
    </message>
    <message>
        <source>This policy would deny you PutResourcePolicy: you could not change the policy of %1 again, and only the account&apos;s root user could still delete it.

DynamoDB said: %2

Save it anyway?</source>
        <translation>このポリシーはあなたの PutResourcePolicy を拒否します。%1 のポリシーを二度と変更できなくなり、削除できるのはアカウントのルートユーザーだけになります。

DynamoDB の応答: %2

それでも保存しますか?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>それでも保存</translation>
    </message>
    <message>
        <source>Not saved yet: the policy would lock you out. %1</source>
        <translation>まだ保存していません: このポリシーではあなた自身が締め出されます。%1</translation>
    </message>
    <message>
        <source>The policy was not saved. %1</source>
        <translation>ポリシーは保存されませんでした。%1</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>削除しました。</translation>
    </message>
    <message>
        <source>The policy was not deleted. %1</source>
        <translation>ポリシーは削除されませんでした。%1</translation>
    </message>
    <message>
        <source>Someone changed or deleted this policy after it was loaded, so it was not deleted.</source>
        <translation>読み込んだ後に誰かがこのポリシーを変更または削除したため、削除しませんでした。</translation>
    </message>
    <message>
        <source>Someone changed this policy after it was loaded, so it was not overwritten.</source>
        <translation>読み込んだ後に誰かがこのポリシーを変更したため、上書きしませんでした。</translation>
    </message>
    <message>
        <source>Reload shows the policy as it is now (then Undo brings your text back).</source>
        <translation>再読み込みで現在のポリシーを表示します(その後、元に戻すとあなたのテキストが戻ります)。</translation>
    </message>
    <message>
        <source>Delete the resource-based policy of table %1 (revision %2)? Whatever it allows or denies ends; the principals&apos; own IAM policies alone decide again.</source>
        <translation>テーブル %1 のリソースベースのポリシー(リビジョン %2)を削除しますか? ポリシーによる許可と拒否はなくなり、プリンシパル自身の IAM ポリシーだけで判断されるようになります。</translation>
    </message>
    <message>
        <source>Delete the resource-based policy of the stream of table %1 (revision %2)? Whatever it allows or denies ends; the principals&apos; own IAM policies alone decide again.</source>
        <translation>テーブル %1 のストリームのリソースベースのポリシー(リビジョン %2)を削除しますか? ポリシーによる許可と拒否はなくなり、プリンシパル自身の IAM ポリシーだけで判断されるようになります。</translation>
    </message>
    <message>
        <source>Delete policy</source>
        <translation>ポリシーの削除</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>A template adds its statement to the policy&apos;s Statement list: make the text a JSON object first.</source>
        <translation>テンプレートはポリシーの Statement リストにステートメントを追加します。先にテキストを JSON オブジェクトにしてください。</translation>
    </message>
    <message>
        <source>The policy of the table&apos;s stream, for its readers such as Lambda functions</source>
        <translation>テーブルのストリームのポリシー。Lambda 関数などの読み手のためのものです</translation>
    </message>
    <message>
        <source>Table %1 has no stream. Turn one on in Edit table… to give it a policy.</source>
        <translation>テーブル %1 にはストリームがありません。ポリシーを付けるには「テーブルを編集…」でストリームを有効にしてください。</translation>
    </message>
    <message>
        <source>Reading table %1…</source>
        <translation>テーブル %1 を読み取り中…</translation>
    </message>
    <message>
        <source>Reading the policy…</source>
        <translation>ポリシーを読み取り中…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>削除中…</translation>
    </message>
    <message>
        <source>Unknown: the table could not be read</source>
        <translation>不明: テーブルを読み取れませんでした</translation>
    </message>
    <message>
        <source>Unknown: the policy could not be read</source>
        <translation>不明: ポリシーを読み取れませんでした</translation>
    </message>
    <message>
        <source>No resource-based policy</source>
        <translation>リソースベースのポリシーなし</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>リビジョン %1</translation>
    </message>
    <message>
        <source>%1 — edited, not saved</source>
        <translation>%1 — 編集済み、未保存</translation>
    </message>
    <message>
        <source>Resource policy</source>
        <translation>リソースポリシー</translation>
    </message>
    <message>
        <source>Close without saving your changes to the policy?</source>
        <translation>ポリシーへの変更を保存せずに閉じますか?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>This embedded database keeps the policy and answers for it as DynamoDB does, but checks it only for requests signed by the users of a server started with --auth.</source>
        <translation>この組み込みデータベースはポリシーを保存し、DynamoDB と同じように応答しますが、ポリシーを評価するのは --auth 付きで起動したサーバーのユーザーが署名したリクエストに対してだけです。</translation>
    </message>
    <message>
        <source>&amp;Policy of:</source>
        <translation>ポリシーの対象(&amp;P):</translation>
    </message>
    <message>
        <source>Stat&amp;e:</source>
        <translation>状態(&amp;E):</translation>
    </message>
    <message>
        <source>Res&amp;ource:</source>
        <translation>リソース(&amp;O):</translation>
    </message>
</context>
<context>
    <name>dd::ui::RestoreDialog</name>
    <message>
        <source>Restore to new table</source>
        <translation>新しいテーブルに復元</translation>
    </message>
    <message>
        <source>Restore the secondary indexes</source>
        <translation>セカンダリインデックスも復元する</translation>
    </message>
    <message>
        <source>Without them the restore is faster; indexes can be added later with UpdateTable</source>
        <translation>インデックスなしの方が復元は速く、インデックスは後で UpdateTable で追加できます</translation>
    </message>
    <message>
        <source>Same as the source table</source>
        <translation>元のテーブルと同じ</translation>
    </message>
    <message>
        <source>On-demand (PAY_PER_REQUEST)</source>
        <translation>オンデマンド (PAY_PER_REQUEST)</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>プロビジョニング済み</translation>
    </message>
    <message>
        <source>&amp;New table name:</source>
        <translation>新しいテーブル名(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Billing mode:</source>
        <translation>課金モード(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Read capacity units:</source>
        <translation>読み込みキャパシティユニット(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Write capacity units:</source>
        <translation>書き込みキャパシティユニット(&amp;W):</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>復元(&amp;T)</translation>
    </message>
</context>
<context>
    <name>dd::ui::ResultItemOpener</name>
    <message>
        <source>This row lacks the key of %1 (%2): select the key attributes to open the item</source>
        <translation>この行には %1 のキー (%2) がありません。項目を開くにはキー属性を SELECT してください</translation>
    </message>
    <message>
        <source>The item is no longer in %1</source>
        <translation>この項目はもう %1 にありません</translation>
    </message>
</context>
<context>
    <name>dd::ui::SampleItemsPanel</name>
    <message>
        <source>Add a sample item</source>
        <translation>サンプル項目を追加</translation>
    </message>
    <message>
        <source>Remove the selected sample item</source>
        <translation>選択したサンプル項目を削除</translation>
    </message>
    <message>
        <source>another attribute</source>
        <translation>別の属性</translation>
    </message>
    <message>
        <source>Add &amp;column</source>
        <translation>列を追加(&amp;C)</translation>
    </message>
    <message>
        <source>The first %1 items of a Scan of the table</source>
        <translation>テーブルを Scan した最初の %1 項目</translation>
    </message>
    <message>
        <source>Seen through:</source>
        <translation>表示対象:</translation>
    </message>
    <message>
        <source>The table (%1)</source>
        <translation>テーブル (%1)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>名前なし</translation>
    </message>
    <message>
        <source>Global index %1</source>
        <translation>グローバルインデックス %1</translation>
    </message>
    <message>
        <source>Local index %1</source>
        <translation>ローカルインデックス %1</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>テーブルを読み取れません: %1</translation>
    </message>
    <message>
        <source>%1 (partition key)</source>
        <translation>%1 (パーティションキー)</translation>
    </message>
    <message>
        <source>%1 (sort key)</source>
        <translation>%1 (ソートキー)</translation>
    </message>
    <message>
        <source>Name the partition key to see the items grouped</source>
        <translation>パーティションキーを指定すると項目がグループ表示されます</translation>
    </message>
    <message>
        <source>Partitions: %1 · items: %2</source>
        <translation>パーティション: %1 · 項目: %2</translation>
    </message>
    <message>
        <source>left out (no key attributes, or replaced by a later item with the same key): %1</source>
        <translation>除外 (キー属性がない、または同じキーの後の項目で置き換え): %1</translation>
    </message>
    <message>
        <source>not in this index (without its key attributes): %1</source>
        <translation>このインデックスにない (キー属性なし): %1</translation>
    </message>
    <message>
        <source>not in this index (missing at least one of its %1 key attributes): %2</source>
        <translation>このインデックスにない (%1 個のキー属性のうち少なくとも 1 つが欠けている): %2</translation>
    </message>
    <message>
        <source>Loa&amp;d from table</source>
        <translation>テーブルから読み込む(&amp;D)</translation>
    </message>
</context>
<context>
    <name>dd::ui::ScreenshotTour</name>
    <message>
        <source>Invoices of an account, newest first</source>
        <translation>アカウントの請求書 (新しい順)</translation>
    </message>
    <message>
        <source>Open invoices by due date</source>
        <translation>期日別の未払い請求書</translation>
    </message>
    <message>
        <source>Largest invoices of an account</source>
        <translation>アカウントの高額な請求書</translation>
    </message>
    <message>
        <source>Invoices of a customer&apos;s e-mail</source>
        <translation>顧客のメールアドレスに対応する請求書</translation>
    </message>
</context>
<context>
    <name>dd::ui::SelectionDetails</name>
    <message>
        <source>Items then</source>
        <translation>当時の項目</translation>
    </message>
    <message>
        <source>Differences from now</source>
        <translation>現在との差分</translation>
    </message>
    <message>
        <source>Click the timeline to see what the table held at that time, or a backup marker to see the backup.</source>
        <translation>タイムラインをクリックするとその時点のテーブルの内容を、バックアップのマーカーをクリックするとそのバックアップを表示します。</translation>
    </message>
    <message>
        <source>Backup “%1”, taken %2</source>
        <translation>バックアップ「%1」(%2 に作成)</translation>
    </message>
    <message>
        <source>The table as it was at %1 (the end of that second)</source>
        <translation>%1 時点のテーブル (その秒の終わり)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Cannot describe the backup: %1</source>
        <translation>バックアップの詳細を取得できません: %1</translation>
    </message>
    <message>
        <source>This endpoint does not offer Dynamodesk&apos;s restore preview; you can still restore to a new table and open it.</source>
        <translation>このエンドポイントは Dynamodesk の復元プレビューに対応していません。新しいテーブルに復元して開くことはできます。</translation>
    </message>
    <message>
        <source>Point-in-time recovery is off for this table: turn it on to restore to a time, or pick a backup.</source>
        <translation>このテーブルではポイントインタイムリカバリが無効です。時点を指定して復元するには有効にするか、バックアップを選んでください。</translation>
    </message>
    <message>
        <source>This time is outside the point-in-time recovery window (%1).</source>
        <translation>この時刻はポイントインタイムリカバリの期間外です (%1)。</translation>
    </message>
    <message>
        <source>Cannot preview: %1</source>
        <translation>プレビューできません: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) then</source>
        <translation>
            <numerusform>当時 %Ln 項目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) differ from now</source>
        <translation>
            <numerusform>現在と異なる項目 %Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <source>the first %L1 shown</source>
        <translation>先頭 %L1 件を表示</translation>
    </message>
    <message>
        <source>Differences from now (%L1)</source>
        <translation>現在との差分 (%L1)</translation>
    </message>
    <message numerus="yes">
        <source>Status %1 · %2 · %Ln item(s) when taken · type %3
%4</source>
        <translation>
            <numerusform>状態 %1 · %2 · 作成時 %Ln 項目 · 種類 %3
%4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::Sparkline</name>
    <message>
        <source>Events per second over the last minute (last: %1, peak: %2)</source>
        <translation>直近 1 分間の毎秒イベント数 (最新: %1、最大: %2)</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
</context>
<context>
    <name>dd::ui::StreamRecordModel</name>
    <message>
        <source>%1, sequence number %2</source>
        <translation>%1、シーケンス番号 %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>変更</translation>
    </message>
</context>
<context>
    <name>dd::ui::StreamViewer</name>
    <message>
        <source>Select a record to see its old and new image</source>
        <translation>レコードを選ぶと変更前後のイメージが表示されます</translation>
    </message>
    <message>
        <source>From now (LATEST)</source>
        <translation>現在から (LATEST)</translation>
    </message>
    <message>
        <source>From the oldest record (TRIM_HORIZON)</source>
        <translation>最も古いレコードから (TRIM_HORIZON)</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>すべてのイベント</translation>
    </message>
    <message>
        <source>Filter by key or attribute…</source>
        <translation>キーまたは属性で絞り込み…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Export JSON Lines…</source>
        <translation>JSON Lines でエクスポート…</translation>
    </message>
    <message>
        <source>Export records</source>
        <translation>レコードのエクスポート</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>%n 件のレコードを %1 にエクスポートしました</numerusform>
        </translation>
    </message>
    <message>
        <source>The table %1 has no enabled stream. Enable one in the table&apos;s settings (StreamSpecification); the viewer starts showing records as soon as it exists.</source>
        <translation>テーブル %1 には有効なストリームがありません。テーブルの設定 (StreamSpecification) で有効にすると、すぐにレコードが表示されます。</translation>
    </message>
    <message>
        <source>Reading the stream failed: %1</source>
        <translation>ストリームの読み取りに失敗しました: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>sequence number %1</source>
        <translation>シーケンス番号 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n record(s)</source>
        <translation>
            <numerusform>%n 件中 %1 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n buffered)</source>
        <translation>
            <numerusform>(%n 件をバッファ中)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Go to sequence number or time…</source>
        <translation>シーケンス番号または時刻へ移動…</translation>
    </message>
    <message>
        <source>A sequence number, or a time of day such as 14:05:30; Enter selects the first record at or after it</source>
        <translation>シーケンス番号または 14:05:30 のような時刻。Enter でその位置以降の最初のレコードを選択します</translation>
    </message>
    <message>
        <source>No record at or after %1</source>
        <translation>%1 以降のレコードはありません</translation>
    </message>
    <message>
        <source>Where reading starts: new records only, or every record the stream still holds</source>
        <translation>読み取りの開始位置: 新しいレコードのみ、またはストリームに残っているすべてのレコード</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableBrowser</name>
    <message>
        <source>&amp;New item</source>
        <translation>新しい項目(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>E&amp;xport JSON Lines…</source>
        <translation>JSON Lines にエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません: %2</translation>
    </message>
    <message>
        <source>Delete items</source>
        <translation>項目の削除</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s) from %1? This cannot be undone.</source>
        <translation>
            <numerusform>%1 から %n 件の項目を削除しますか?元に戻せません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n item(s)…</source>
        <translation>
            <numerusform>%n 件の項目を削除中…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to JSON Lines</source>
        <translation>JSON Lines にエクスポート</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json)</source>
        <translation>JSON Lines (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>%1 にエクスポート中…</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>エクスポートに失敗しました: %1</translation>
    </message>
    <message>
        <source>Export cancelled; no file written</source>
        <translation>エクスポートをキャンセルしました。ファイルは書き込まれていません</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>CSV をエクスポート(&amp;C)…</translation>
    </message>
    <message>
        <source>De&amp;tails</source>
        <translation>詳細(&amp;T)</translation>
    </message>
    <message>
        <source>Another program changed this table.</source>
        <translation>別のプログラムがこのテーブルを変更しました。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>CSV にエクスポート</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Refreshed %1 after a change made elsewhere</source>
        <translation>外部での変更により %1 を更新しました</translation>
    </message>
    <message>
        <source>%1 is being restored; its items appear when the restore ends.</source>
        <translation>%1 を復元中です。復元が終わると項目が表示されます。</translation>
    </message>
    <message>
        <source>I&amp;mport JSON Lines…</source>
        <translation>JSON Lines をインポート(&amp;M)…</translation>
    </message>
    <message>
        <source>Import JSON Lines into %1</source>
        <translation>JSON Lines を %1 にインポート</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json *.ndjson);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json *.ndjson);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 をインポート中…</translation>
    </message>
    <message>
        <source>Select an item to see all its attributes here</source>
        <translation>項目を選択すると、ここにすべての属性が表示されます</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) on page %1</source>
        <translation>
            <numerusform>ページ %1: %Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 scanned</source>
        <translation>スキャン %L1 件</translation>
    </message>
    <message>
        <source>%1 RCU</source>
        <translation>%1 RCU</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>total %1 RCU</source>
        <translation>合計 %1 RCU</translation>
    </message>
    <message>
        <source> · </source>
        <comment>list separator</comment>
        <translation> · </translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n item(s), then: %1</source>
        <translation>
            <numerusform>%n 件を削除した後: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after deleting %n item(s)</source>
        <translation>
            <numerusform>%n 件を削除したところでキャンセルしました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n item(s)</source>
        <translation>
            <numerusform>%n 件を削除しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln item(s), then: %1</source>
        <translation>
            <numerusform>%Ln 件をインポートした後: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled after %Ln item(s)</source>
        <translation>
            <numerusform>%Ln 件をインポートした時点で中止しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln item(s)</source>
        <translation>
            <numerusform>%Ln 件をインポートしました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln item(s)</source>
        <translation>
            <numerusform>%Ln 件をエクスポートしました</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Load more</source>
        <translation>さらに読み込む(&amp;L)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止しました</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableChangePlanner</name>
    <message>
        <source>Switch to on-demand billing</source>
        <translation>オンデマンド課金に切り替える</translation>
    </message>
    <message>
        <source>Set provisioned capacity to %1 RCU, %2 WCU</source>
        <translation>プロビジョンドキャパシティを %1 RCU、%2 WCU に設定</translation>
    </message>
    <message>
        <source>Disable the stream</source>
        <translation>ストリームを無効にする</translation>
    </message>
    <message>
        <source>Enable the stream with %1</source>
        <translation>ストリームを %1 で有効にする</translation>
    </message>
    <message>
        <source>Delete global index %1</source>
        <translation>グローバルインデックス %1 を削除</translation>
    </message>
    <message>
        <source>Add global index %1 (and fill it from the table)</source>
        <translation>グローバルインデックス %1 を追加 (テーブルから構築)</translation>
    </message>
    <message>
        <source>Turn off TTL on %1</source>
        <translation>%1 の TTL を無効にする</translation>
    </message>
    <message>
        <source>Turn on TTL on %1</source>
        <translation>%1 の TTL を有効にする</translation>
    </message>
    <message>
        <source>Remove tags: %1</source>
        <translation>タグを削除: %1</translation>
    </message>
    <message>
        <source>Set tags: %1</source>
        <translation>タグを設定: %1</translation>
    </message>
    <message>
        <source>Create table %1</source>
        <translation>テーブル %1 を作成</translation>
    </message>
    <message>
        <source>Encrypt with the key owned by Amazon DynamoDB</source>
        <translation>Amazon DynamoDB が所有するキーで暗号化</translation>
    </message>
    <message>
        <source>Encrypt with the AWS managed key (aws/dynamodb)</source>
        <translation>AWS マネージドキー (aws/dynamodb) で暗号化</translation>
    </message>
    <message>
        <source>Encrypt with the customer managed key %1</source>
        <translation>カスタマーマネージドキー %1 で暗号化</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableCopyDialog</name>
    <message>
        <source>Copy table %1</source>
        <translation>テーブル %1 のコピー</translation>
    </message>
    <message>
        <source>Copies the definition and every item of a table into a table of any open connection, by a parallel Scan written with BatchWriteItem. The source is not changed.</source>
        <translation>テーブルの定義とすべての項目を、開いている任意の接続のテーブルにコピーします。並列 Scan で読み、BatchWriteItem で書き込みます。コピー元は変更されません。</translation>
    </message>
    <message>
        <source>Another region of the same database: its connection opens in the tree</source>
        <translation>同じデータベースの別のリージョン: その接続がツリーに開きます</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>リージョン(&amp;R):</translation>
    </message>
    <message>
        <source>Create the table with the source&apos;s &amp;definition</source>
        <translation>コピー元の定義でテーブルを作成する(&amp;D)</translation>
    </message>
    <message>
        <source>Copy into an e&amp;xisting table</source>
        <translation>既存のテーブルにコピーする(&amp;X)</translation>
    </message>
    <message>
        <source>Its key schema must be the source&apos;s; items with the same key are replaced</source>
        <translation>キースキーマがコピー元と同じである必要があります。同じキーの項目は置き換えられます</translation>
    </message>
    <message>
        <source>3 to 255 characters: letters, digits, _ . -</source>
        <translation>3〜255 文字: 英字、数字、_ . -</translation>
    </message>
    <message>
        <source>Reading the tables…</source>
        <translation>テーブルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Scan segments read at once, each by its own worker: faster on a large table, and more read and write capacity at a time</source>
        <translation>同時に読み込む Scan セグメントの数 (それぞれ専用のワーカーが担当): 大きなテーブルでは速くなり、一度に使う読み込み・書き込みキャパシティも増えます</translation>
    </message>
    <message>
        <source>Also enable the source&apos;s time to &amp;live</source>
        <translation>コピー元の有効期限 (TTL) も有効にする(&amp;L)</translation>
    </message>
    <message>
        <source>Set on the copy once every item is in, so that it deletes nothing before</source>
        <translation>すべての項目をコピーし終えてから設定するため、それまでに削除される項目はありません</translation>
    </message>
    <message>
        <source>&amp;Target connection:</source>
        <translation>コピー先の接続(&amp;T):</translation>
    </message>
    <message>
        <source>Target ta&amp;ble:</source>
        <translation>コピー先のテーブル(&amp;B):</translation>
    </message>
    <message>
        <source>Parallel &amp;segments:</source>
        <translation>並列セグメント数(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Open table</source>
        <translation>テーブルを開く(&amp;O)</translation>
    </message>
    <message>
        <source>Browse the copy</source>
        <translation>コピーを表示します</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>Cannot read table %1: %2</source>
        <translation>テーブル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Also enable the source&apos;s time to &amp;live (attribute %1)</source>
        <translation>コピー元の有効期限 (TTL) も有効にする (属性 %1)(&amp;L)</translation>
    </message>
    <message>
        <source>Also enable the source&apos;s time to &amp;live (off on the source)</source>
        <translation>コピー元の有効期限 (TTL) も有効にする (コピー元では無効)(&amp;L)</translation>
    </message>
    <message>
        <source>Cannot list the tables</source>
        <translation>テーブルを一覧できません</translation>
    </message>
    <message>
        <source>No tables</source>
        <translation>テーブルがありません</translation>
    </message>
    <message>
        <source>Choose a table</source>
        <translation>テーブルを選択してください</translation>
    </message>
    <message>
        <source>Cannot list the target&apos;s tables: %1</source>
        <translation>コピー先のテーブルを一覧できません: %1</translation>
    </message>
    <message>
        <source>Choose the table to copy into</source>
        <translation>コピー先のテーブルを選択してください</translation>
    </message>
    <message>
        <source>A table cannot be copied into itself: choose another table, connection or region</source>
        <translation>テーブルをそれ自身にはコピーできません。別のテーブル、接続、またはリージョンを選択してください</translation>
    </message>
    <message>
        <source>This is the source table: choose another name, connection or region</source>
        <translation>これはコピー元のテーブルです。別の名前、接続、またはリージョンを選択してください</translation>
    </message>
    <message>
        <source>Reading table %1…</source>
        <translation>テーブル %1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>The items are written into the existing table, replacing those with the same key. Its key schema must be the source&apos;s: %1.</source>
        <translation>項目は既存のテーブルに書き込まれ、同じキーの項目を置き換えます。そのキースキーマはコピー元と同じである必要があります: %1。</translation>
    </message>
    <message>
        <source>Items: about %1 (the source&apos;s item count, which AWS updates about every six hours)</source>
        <translation>項目数: 約 %1 (コピー元の項目数。AWS では約 6 時間ごとに更新)</translation>
    </message>
    <message>
        <source>What the copy writes</source>
        <translation>コピーが書き込むもの</translation>
    </message>
    <message>
        <source>What the copy creates</source>
        <translation>コピーが作成するもの</translation>
    </message>
    <message>
        <source>Copy to AWS</source>
        <translation>AWS へのコピー</translation>
    </message>
    <message>
        <source>Copy table %1 into table %2 on AWS (profile %3, region %4)?

AWS bills the new table and every item written to it, and a large table takes a while.</source>
        <translation>テーブル %1 を AWS のテーブル %2 (プロファイル %3、リージョン %4) にコピーしますか?

新しいテーブルと書き込むすべての項目に AWS の料金がかかり、大きなテーブルでは時間がかかります。</translation>
    </message>
    <message>
        <source>Co&amp;py:</source>
        <translation>コピー(&amp;P):</translation>
    </message>
    <message>
        <source>So&amp;urce:</source>
        <translation>ソース(&amp;U):</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableCopyRun</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>C&amp;ancel copy</source>
        <translation>コピーを中止(&amp;A)</translation>
    </message>
    <message>
        <source>Creating table %1…</source>
        <translation>テーブル %1 を作成しています…</translation>
    </message>
    <message>
        <source>Checking table %1…</source>
        <translation>テーブル %1 を確認しています…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <source>Stopped: the connection %1 was closed.</source>
        <translation>停止しました: 接続 %1 が閉じられました。</translation>
    </message>
    <message>
        <source>Copying items…</source>
        <translation>項目をコピーしています…</translation>
    </message>
    <message>
        <source>Enabling time to live…</source>
        <translation>有効期限 (TTL) を有効にしています…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗しました</translation>
    </message>
    <message>
        <source>The copy failed: %1: %2</source>
        <translation>コピーに失敗しました: %1: %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止しました</translation>
    </message>
    <message>
        <source>Delete the partial table</source>
        <translation>途中までのテーブルを削除</translation>
    </message>
    <message>
        <source>The copy was cancelled: table %1 on %2 holds only %3 of the source&apos;s items. Delete it?

Cancel keeps it.</source>
        <translation>コピーを中止しました: %2 のテーブル %1 にはコピー元の項目のうち %3 項目しかありません。削除しますか?

キャンセルすると残します。</translation>
    </message>
    <message>
        <source>&amp;Delete table</source>
        <translation>テーブルを削除(&amp;D)</translation>
    </message>
    <message>
        <source>Deleting table %1…</source>
        <translation>テーブル %1 を削除しています…</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>削除しました</translation>
    </message>
    <message>
        <source>Deleted the partial table %1.</source>
        <translation>途中までのテーブル %1 を削除しました。</translation>
    </message>
    <message numerus="yes">
        <source>%L1 of ~%Ln item(s)</source>
        <translation>
            <numerusform>%L1 / 約 %Ln 項目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln 項目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln item(s) into table %1 on %2 in %3.</source>
        <translation>
            <numerusform>%Ln 項目をテーブル %1 (%2) に %3 でコピーしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Table %1 was created on %2 and holds the %Ln item(s) copied before the error.</source>
        <translation>
            <numerusform>テーブル %1 は %2 に作成され、エラーまでにコピーされた %Ln 項目を保持しています。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) were copied before the error.</source>
        <translation>
            <numerusform>エラーまでに %Ln 項目がコピーされました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after copying %Ln item(s) in %1.</source>
        <translation>
            <numerusform>%Ln 項目をコピーしたところで中止しました (%1)。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot delete table %1: %2</source>
        <translation>テーブル %1 を削除できません: %2</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableDefinitionText</name>
    <message>
        <source>%1 read and %2 write capacity units</source>
        <translation>読み込み %1、書き込み %2 キャパシティユニット</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>キー: %1</translation>
    </message>
    <message>
        <source>Global index %1: %2; projects %3</source>
        <translation>グローバルインデックス %1: %2、射影 %3</translation>
    </message>
    <message>
        <source>Local index %1: %2; projects %3</source>
        <translation>ローカルインデックス %1: %2、射影 %3</translation>
    </message>
    <message>
        <source>Billing: on demand (PAY_PER_REQUEST)</source>
        <translation>課金: オンデマンド (PAY_PER_REQUEST)</translation>
    </message>
    <message>
        <source>Billing: provisioned, %1</source>
        <translation>課金: プロビジョニング済み、%1</translation>
    </message>
    <message>
        <source>Stream: %1</source>
        <translation>ストリーム: %1</translation>
    </message>
    <message>
        <source>Table class: %1</source>
        <translation>テーブルクラス: %1</translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>パーティション %1</translation>
    </message>
    <message>
        <source>%1; sort %2</source>
        <translation>%1; ソート %2</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableDesign</name>
    <message>
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>Must be %1 to %2 characters long</source>
        <translation>%1 ~ %2 文字でなければなりません</translation>
    </message>
    <message>
        <source>Only letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos; are allowed</source>
        <translation>使用できるのは英字、数字、&apos;_&apos;、&apos;-&apos;、&apos;.&apos; だけです</translation>
    </message>
    <message>
        <source>A key attribute name is at most %1 bytes long</source>
        <translation>キー属性名は最大 %1 バイトです</translation>
    </message>
    <message>
        <source>The sort key must differ from the partition key</source>
        <translation>ソートキーはパーティションキーと異なる必要があります</translation>
    </message>
    <message>
        <source>Provisioned capacity must be at least 1 read and 1 write unit</source>
        <translation>プロビジョンドキャパシティは読み込み・書き込みとも 1 ユニット以上必要です</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already defined with type %2</source>
        <translation>「%1」は既に %2 型で定義されています</translation>
    </message>
    <message>
        <source>Another index has this name</source>
        <translation>同じ名前のインデックスが既にあります</translation>
    </message>
    <message>
        <source>A local index needs a table with a sort key</source>
        <translation>ローカルインデックスにはソートキーのあるテーブルが必要です</translation>
    </message>
    <message>
        <source>A local index has the table&apos;s partition key</source>
        <translation>ローカルインデックスはテーブルのパーティションキーを使います</translation>
    </message>
    <message>
        <source>An attribute is listed twice</source>
        <translation>同じ属性が 2 回指定されています</translation>
    </message>
    <message>
        <source>Only an INCLUDE projection lists attributes</source>
        <translation>属性を指定できるのは INCLUDE 射影だけです</translation>
    </message>
    <message>
        <source>At most %1 local secondary indexes</source>
        <translation>ローカルセカンダリインデックスは最大 %1 個です</translation>
    </message>
    <message>
        <source>At most %1 global secondary indexes</source>
        <translation>グローバルセカンダリインデックスは最大 %1 個です</translation>
    </message>
    <message>
        <source>At most %1 included attributes over all indexes</source>
        <translation>全インデックス合計で含める属性は最大 %1 個です</translation>
    </message>
    <message>
        <source>At most %1 tags</source>
        <translation>タグは最大 %1 個です</translation>
    </message>
    <message>
        <source>A tag key is 1 to %1 characters long</source>
        <translation>タグキーは 1 ~ %1 文字です</translation>
    </message>
    <message>
        <source>Tag keys starting with &quot;aws:&quot; are reserved</source>
        <translation>「aws:」で始まるタグキーは予約されています</translation>
    </message>
    <message>
        <source>Another tag has this key</source>
        <translation>同じキーのタグが既にあります</translation>
    </message>
    <message>
        <source>A tag value is at most %1 characters long</source>
        <translation>タグの値は最大 %1 文字です</translation>
    </message>
    <message>
        <source>A tag key holds letters, digits, spaces and _ . : / = + - @ only</source>
        <translation>タグキーに使えるのは文字、数字、空白、_ . : / = + - @ だけです</translation>
    </message>
    <message>
        <source>A tag value holds letters, digits, spaces and _ . : / = + - @ only</source>
        <translation>タグ値に使えるのは文字、数字、空白、_ . : / = + - @ だけです</translation>
    </message>
    <message>
        <source>The TTL attribute name is at most %1 characters long</source>
        <translation>TTL 属性名は %1 文字以内です</translation>
    </message>
    <message>
        <source>This is not a Dynamodesk table design</source>
        <translation>これは Dynamodesk のテーブル設計ではありません</translation>
    </message>
    <message>
        <source>This design was saved by a newer Dynamodesk (version %1)</source>
        <translation>この設計は新しい Dynamodesk (バージョン %1) で保存されました</translation>
    </message>
    <message>
        <source>At most %1 partition key attributes</source>
        <translation>パーティションキー属性は最大 %1 個です</translation>
    </message>
    <message>
        <source>At most %1 sort key attributes</source>
        <translation>ソートキー属性は最大 %1 個です</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in this index&apos;s key</source>
        <translation>&quot;%1&quot; はすでにこのインデックスのキーに含まれています</translation>
    </message>
    <message>
        <source>attribute %1: %2</source>
        <translation>属性 %1: %2</translation>
    </message>
    <message>
        <source>A local index has one partition and one sort key attribute; only a global index may have more</source>
        <translation>ローカルインデックスのパーティションキー属性とソートキー属性は 1 つずつです。複数持てるのはグローバルインデックスだけです</translation>
    </message>
    <message>
        <source>An INCLUDE projection needs at least one</source>
        <translation>INCLUDE 射影には 1 つ以上必要です</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableDesigner</name>
    <message>
        <source>New table — %1</source>
        <translation>新しいテーブル — %1</translation>
    </message>
    <message>
        <source>e.g. Orders</source>
        <translation>例: Orders</translation>
    </message>
    <message>
        <source>&amp;Table name:</source>
        <translation>テーブル名(&amp;T):</translation>
    </message>
    <message>
        <source>e.g. customerId</source>
        <translation>例: customerId</translation>
    </message>
    <message>
        <source>&amp;Partition key:</source>
        <translation>パーティションキー(&amp;P):</translation>
    </message>
    <message>
        <source>optional, e.g. orderDate</source>
        <translation>任意、例: orderDate</translation>
    </message>
    <message>
        <source>&amp;Sort key:</source>
        <translation>ソートキー(&amp;S):</translation>
    </message>
    <message>
        <source>On demand (pay per request)</source>
        <translation>オンデマンド (リクエスト課金)</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>プロビジョンド</translation>
    </message>
    <message>
        <source>RCU </source>
        <translation>RCU </translation>
    </message>
    <message>
        <source>WCU </source>
        <translation>WCU </translation>
    </message>
    <message>
        <source>&amp;Billing:</source>
        <translation>課金(&amp;B):</translation>
    </message>
    <message>
        <source>No stream</source>
        <translation>ストリームなし</translation>
    </message>
    <message>
        <source>New images</source>
        <translation>新しいイメージ</translation>
    </message>
    <message>
        <source>Old images</source>
        <translation>古いイメージ</translation>
    </message>
    <message>
        <source>New and old images</source>
        <translation>新旧のイメージ</translation>
    </message>
    <message>
        <source>Keys only</source>
        <translation>キーのみ</translation>
    </message>
    <message>
        <source>Secondary indexes</source>
        <translation>セカンダリインデックス</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>パーティションキー</translation>
    </message>
    <message>
        <source>Sort key</source>
        <translation>ソートキー</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>射影</translation>
    </message>
    <message>
        <source>Included attributes</source>
        <translation>含める属性</translation>
    </message>
    <message>
        <source>Add &amp;global index</source>
        <translation>グローバルインデックスを追加(&amp;G)</translation>
    </message>
    <message>
        <source>Add &amp;local index</source>
        <translation>ローカルインデックスを追加(&amp;L)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>AWS CLI command</source>
        <translation>AWS CLI コマンド</translation>
    </message>
    <message>
        <source>--cli-input-json</source>
        <translation>--cli-input-json</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;reate table</source>
        <translation>テーブルを作成(&amp;R)</translation>
    </message>
    <message>
        <source>Tag %1: %2</source>
        <translation>タグ %1: %2</translation>
    </message>
    <message>
        <source>DynamoDB refused the table: %1</source>
        <translation>DynamoDB がテーブルを拒否しました: %1</translation>
    </message>
    <message>
        <source>Sample items</source>
        <translation>サンプル項目</translation>
    </message>
    <message>
        <source>Access patterns</source>
        <translation>アクセスパターン</translation>
    </message>
    <message>
        <source>&amp;Open design…</source>
        <translation>設計を開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Sa&amp;ve design…</source>
        <translation>設計を保存(&amp;V)…</translation>
    </message>
    <message>
        <source>off; or a Number attribute holding epoch seconds, e.g. expiresAt</source>
        <translation>無効、またはエポック秒を保持する数値属性 (例: expiresAt)</translation>
    </message>
    <message>
        <source># Nothing to change</source>
        <translation># 変更はありません</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3…</source>
        <translation>ステップ %1/%2: %3…</translation>
    </message>
    <message>
        <source>DynamoDB refused this change: %1</source>
        <translation>DynamoDB がこの変更を拒否しました: %1</translation>
    </message>
    <message>
        <source>Created %1; some settings were not applied</source>
        <translation>%1 を作成しましたが、一部の設定は適用されませんでした</translation>
    </message>
    <message>
        <source>Edit table %1 — %2</source>
        <translation>テーブル %1 を編集 — %2</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>変更を適用(&amp;A)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み取り中…</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>テーブルを読み取れません: %1</translation>
    </message>
    <message>
        <source>Partly read: %1</source>
        <translation>一部のみ読み取りました: %1</translation>
    </message>
    <message>
        <source>A design opens in a new table&apos;s designer</source>
        <translation>設計は新しいテーブルのデザイナーで開きます</translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation>JSON ではありません: %1</translation>
    </message>
    <message>
        <source>Save design</source>
        <translation>設計を保存</translation>
    </message>
    <message>
        <source>Table designs (*.json)</source>
        <translation>テーブル設計 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 を保存できません: %2</translation>
    </message>
    <message>
        <source>Open design</source>
        <translation>設計を開く</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません: %2</translation>
    </message>
    <message>
        <source>Python (boto3)</source>
        <translation>Python (boto3)</translation>
    </message>
    <message>
        <source>JavaScript (AWS SDK v3)</source>
        <translation>JavaScript (AWS SDK v3)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>&amp;Encryption at rest:</source>
        <translation>保存時の暗号化(&amp;E):</translation>
    </message>
    <message>
        <source>Strea&amp;m:</source>
        <translation>ストリーム(&amp;M):</translation>
    </message>
    <message>
        <source>T&amp;ime to live:</source>
        <translation>TTL(&amp;I):</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) applied</source>
        <translation>
            <numerusform>%Ln 件の変更を適用しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln change(s) failed; the errors are shown beside their fields</source>
        <translation>
            <numerusform>%Ln 件中 %L1 件の変更が失敗しました。エラーは各フィールドの横に表示されます</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes are being applied. Close and stop? The change in progress completes; the ones after it are not made.</source>
        <translation>変更を適用中です。閉じて停止しますか?実行中の変更は完了しますが、その後の変更は行われません。</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>停止して閉じる</translation>
    </message>
    <message>
        <source>Close without saving your changes to the design?</source>
        <translation>設計への変更を保存せずに閉じますか?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>S&amp;top after this step</source>
        <translation>このステップの後で停止(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after creating %1; %Ln setting(s) not applied</source>
        <translation>
            <numerusform>%1 を作成した後で停止しました。%Ln 件の設定は適用されていません</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped; %Ln change(s) not made</source>
        <translation>
            <numerusform>停止しました。%Ln 件の変更は行われていません</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::TableEncryption</name>
    <message>
        <source>Required: a KMS key id, key ARN, alias name or alias ARN</source>
        <translation>必須: KMS キー ID、キー ARN、エイリアス名、またはエイリアス ARN</translation>
    </message>
    <message>
        <source>A KMS ARN reads arn:aws:kms:&lt;region&gt;:&lt;account&gt;:key/&lt;id&gt; or …:alias/&lt;name&gt;</source>
        <translation>KMS の ARN は arn:aws:kms:&lt;リージョン&gt;:&lt;アカウント&gt;:key/&lt;ID&gt; または …:alias/&lt;名前&gt; の形式です</translation>
    </message>
    <message>
        <source>Not a KMS key id (a UUID), alias name (alias/&lt;name&gt;) or ARN (arn:aws:kms:…)</source>
        <translation>KMS キー ID (UUID)、エイリアス名 (alias/&lt;名前&gt;)、ARN (arn:aws:kms:…) のいずれでもありません</translation>
    </message>
    <message>
        <source>Owned by Amazon DynamoDB</source>
        <translation>Amazon DynamoDB が所有</translation>
    </message>
    <message>
        <source>AWS managed key</source>
        <translation>AWS マネージドキー</translation>
    </message>
    <message>
        <source>Customer managed key: %1</source>
        <translation>カスタマーマネージドキー: %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::TagEditor</name>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>タグを追加</translation>
    </message>
    <message>
        <source>Remove the selected tag</source>
        <translation>選択したタグを削除</translation>
    </message>
</context>
<context>
    <name>dd::ui::TimelineWidget</name>
    <message>
        <source>Table history timeline</source>
        <translation>テーブル履歴のタイムライン</translation>
    </message>
    <message>
        <source>Arrow keys move the selected time, Ctrl+arrow keys jump between backups, + and - zoom, Home fits</source>
        <translation>矢印キーで選択時刻を移動、Ctrl+矢印キーでバックアップ間を移動、+ と - で拡大縮小、Home で全体表示</translation>
    </message>
    <message>
        <source>Point-in-time recovery window</source>
        <translation>ポイントインタイムリカバリの期間</translation>
    </message>
    <message>
        <source>deletes</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>updates</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>inserts</source>
        <translation>挿入</translation>
    </message>
    <message>
        <source>busiest bar: %L1 writes (square-root scale)</source>
        <translation>最大の棒: %L1 件の書き込み (平方根スケール)</translation>
    </message>
    <message>
        <source>Backup %1
Created %2
Status %3
Click to see what it holds</source>
        <translation>バックアップ %1
作成 %2
状態 %3
クリックで内容を表示</translation>
    </message>
    <message>
        <source>From %1 to %2: %L3 inserts, %L4 updates, %L5 deletes</source>
        <translation>%1 から %2: 挿入 %L3、更新 %L4、削除 %L5</translation>
    </message>
    <message>
        <source>Within the point-in-time recovery window: click to preview and restore</source>
        <translation>ポイントインタイムリカバリの期間内: クリックでプレビューと復元</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>now</source>
        <translation>現在</translation>
    </message>
</context>
<context>
    <name>dd::ui::TransactionBuilder</name>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Put</source>
        <translation>Put</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Condition check</source>
        <translation>条件チェック</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Paste JSON…</source>
        <translation>JSON を貼り付け…</translation>
    </message>
    <message>
        <source>DynamoDB JSON or plain JSON, e.g. {&quot;pk&quot;: &quot;alice&quot;}</source>
        <translation>DynamoDB JSON または通常の JSON (例: {&quot;pk&quot;: &quot;alice&quot;})</translation>
    </message>
    <message>
        <source>e.g. balance &gt;= :amount</source>
        <translation>例: balance &gt;= :amount</translation>
    </message>
    <message>
        <source>e.g. SET balance = balance - :amount</source>
        <translation>例: SET balance = balance - :amount</translation>
    </message>
    <message>
        <source>Return the item when the condition fails (ALL_OLD)</source>
        <translation>条件が満たされないとき項目を返す (ALL_OLD)</translation>
    </message>
    <message>
        <source>The outcome of this action appears here after Run</source>
        <translation>このアクションの結果は実行後にここに表示されます</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Save draft…</source>
        <translation>下書きを保存…</translation>
    </message>
    <message>
        <source>Load draft…</source>
        <translation>下書きを開く…</translation>
    </message>
    <message>
        <source>Copy as AWS CLI command</source>
        <translation>AWS CLI コマンドとしてコピー</translation>
    </message>
    <message>
        <source>Paste JSON</source>
        <translation>JSON を貼り付け</translation>
    </message>
    <message>
        <source>TransactItems (an array, a request, or one action):</source>
        <translation>TransactItems (配列、リクエスト、または一つのアクション):</translation>
    </message>
    <message numerus="yes">
        <source>The transaction is valid (%n action(s))</source>
        <translation>
            <numerusform>トランザクションは有効です (%n 件のアクション)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>下書きを保存</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
    <message>
        <source>Load draft</source>
        <translation>下書きを開く</translation>
    </message>
    <message>
        <source>Copied the AWS CLI command and transact.json</source>
        <translation>AWS CLI コマンドと transact.json をコピーしました</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>適用済み</translation>
    </message>
    <message>
        <source>No problem with this action (the transaction was cancelled by another)</source>
        <translation>このアクションに問題はありません (別のアクションがトランザクションを取り消しました)</translation>
    </message>
    <message>
        <source>The item it saw:</source>
        <translation>参照した項目:</translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation>JSON ではありません: %1</translation>
    </message>
    <message>
        <source>Cancelled by action %1: %2</source>
        <translation>アクション %1 により取り消されました: %2</translation>
    </message>
    <message>
        <source>DynamoDB refused: %1</source>
        <translation>DynamoDB が拒否しました: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Get (read transaction)</source>
        <translation>Get (読み取りトランザクション)</translation>
    </message>
    <message>
        <source>e.g. balance, #s (empty: the whole item)</source>
        <translation>例: balance, #s (空欄: 項目全体)</translation>
    </message>
    <message>
        <source>String set (SS)</source>
        <translation>文字列セット (SS)</translation>
    </message>
    <message>
        <source>Number set (NS)</source>
        <translation>数値セット (NS)</translation>
    </message>
    <message>
        <source>Binary set (BS, base64)</source>
        <translation>バイナリセット (BS、Base64)</translation>
    </message>
    <message>
        <source>elements, separated by commas</source>
        <translation>要素 (カンマ区切り)</translation>
    </message>
    <message>
        <source>Add set value</source>
        <translation>セット値を追加</translation>
    </message>
    <message>
        <source>ClientRequestToken (optional)</source>
        <translation>ClientRequestToken (任意)</translation>
    </message>
    <message>
        <source>The same token within 10 minutes makes DynamoDB treat a run as a retry: it writes nothing again</source>
        <translation>10 分以内に同じトークンを使うと、DynamoDB はその実行を再試行として扱い、再度書き込みません</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Runs TransactGetItems</source>
        <translation>TransactGetItems を実行します</translation>
    </message>
    <message>
        <source>Runs TransactWriteItems</source>
        <translation>TransactWriteItems を実行します</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>読み取り結果:</translation>
    </message>
    <message>
        <source>No item has this key</source>
        <translation>このキーの項目はありません</translation>
    </message>
    <message>
        <source> · %1 capacity units</source>
        <translation> · %1 キャパシティユニット</translation>
    </message>
    <message>
        <source>Idempotent retry: token %1 was already used with these actions, so DynamoDB wrote nothing again</source>
        <translation>冪等な再試行: トークン %1 はこれらのアクションで使用済みのため、DynamoDB は再度書き込みませんでした</translation>
    </message>
    <message>
        <source>Transaction applied</source>
        <translation>トランザクションを適用しました</translation>
    </message>
    <message>
        <source>Select an action first</source>
        <translation>先にアクションを選択してください</translation>
    </message>
    <message>
        <source>not applied</source>
        <translation>未適用</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>適用済み</translation>
    </message>
    <message>
        <source>found</source>
        <translation>見つかりました</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>Cannot list the tables: %1</source>
        <translation>テーブルを一覧できません: %1</translation>
    </message>
    <message numerus="yes">
        <source>Read %L1 of %Ln item(s) in one snapshot</source>
        <translation>
            <numerusform>1 つのスナップショットで %Ln 項目中 %L1 項目を読み取りました</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>キー(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Set value:</source>
        <translation>セットの値(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>アクション(&amp;A):</translation>
    </message>
    <message>
        <source>Ta&amp;ble:</source>
        <translation>テーブル(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Condition:</source>
        <translation>条件(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Update expression:</source>
        <translation>更新式(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Projection:</source>
        <translation>射影(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Names:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>Va&amp;lues:</source>
        <translation>値(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>結果(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>項目(&amp;I):</translation>
    </message>
</context>
<context>
    <name>dd::ui::TriggerDialog</name>
    <message>
        <source>Add trigger to %1</source>
        <translation>トリガーを %1 に追加</translation>
    </message>
    <message>
        <source>Run a command</source>
        <translation>コマンドを実行</translation>
    </message>
    <message>
        <source>POST to a URL</source>
        <translation>URL に POST</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Changes from now on (LATEST)</source>
        <translation>今後の変更 (LATEST)</translation>
    </message>
    <message>
        <source>Every retained record (TRIM_HORIZON)</source>
        <translation>保持されているすべてのレコード (TRIM_HORIZON)</translation>
    </message>
    <message>
        <source>Until success</source>
        <translation>成功するまで</translation>
    </message>
    <message>
        <source>Split a failed batch in two and retry the halves</source>
        <translation>失敗したバッチを二分割して再試行</translation>
    </message>
    <message>
        <source>None: passed-over batches are only logged</source>
        <translation>なし: スキップしたバッチはログにのみ記録</translation>
    </message>
    <message>
        <source>Start delivering at once</source>
        <translation>すぐに配信を開始</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>Shell command; the event JSON arrives on stdin, exit 0 = success</source>
        <translation>シェルコマンド。イベント JSON は標準入力に渡され、終了コード 0 が成功</translation>
    </message>
    <message>
        <source>http://host:port/path; a 2xx answer = success</source>
        <translation>http://host:port/path。2xx の応答が成功</translation>
    </message>
    <message>
        <source>On-failure file</source>
        <translation>失敗時の出力ファイル</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>The name must be 1 to 64 letters, digits, &apos;_&apos;, &apos;-&apos; or &apos;.&apos;</source>
        <translation>名前は 1～64 文字の英数字、&apos;_&apos;、&apos;-&apos;、&apos;.&apos; で指定してください</translation>
    </message>
    <message>
        <source>Enter the command to run</source>
        <translation>実行するコマンドを入力してください</translation>
    </message>
    <message>
        <source>Enter an http:// URL with a host (https is not supported)</source>
        <translation>ホストを含む http:// URL を入力してください (https は非対応)</translation>
    </message>
    <message>
        <source>The on-failure file&apos;s folder does not exist</source>
        <translation>失敗時の出力ファイルのフォルダーが存在しません</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>ターゲット(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>バッチサイズ(&amp;B):</translation>
    </message>
    <message>
        <source>Batching &amp;window:</source>
        <translation>バッチウィンドウ(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Starting position:</source>
        <translation>開始位置(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Retry attempts:</source>
        <translation>再試行回数(&amp;R):</translation>
    </message>
    <message>
        <source>On-failure &amp;file:</source>
        <translation>失敗時のファイル(&amp;F):</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>タイムアウト(&amp;I):</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>参照(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>dd::ui::TriggerPanel</name>
    <message>
        <source>Local triggers are a feature of Dynamodesk&apos;s embedded engine and of dynamodesk-server. This endpoint does not offer them; on AWS, attach a Lambda function to the stream instead.</source>
        <translation>ローカルトリガーは Dynamodesk の組み込みエンジンと dynamodesk-server の機能です。このエンドポイントでは使えません。AWS ではストリームに Lambda 関数を接続してください。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Triggers&lt;/b&gt; — run a command or POST to a URL with batches of this stream&apos;s records</source>
        <translation>&lt;b&gt;トリガー&lt;/b&gt; — このストリームのレコードのバッチでコマンドを実行、または URL に POST</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>配信済み</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>Sequence numbers</source>
        <translation>シーケンス番号</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>試行回数</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>最近の実行</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Listing the triggers failed: %1</source>
        <translation>トリガーの一覧取得に失敗しました: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>%1 · processed up to %2 · %3 invocation(s), %4 failed · %5 record(s) delivered, %6 passed over</source>
        <translation>%1 · %2 まで処理済み · 呼び出し %3 回、失敗 %4 回 · 配信 %5 件、スキップ %6 件</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>ログ: %1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>終了コード %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>再試行 %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>Failures (%1)</source>
        <translation>失敗 (%1)</translation>
    </message>
    <message>
        <source>Trigger %1 added</source>
        <translation>トリガー %1 を追加しました</translation>
    </message>
    <message>
        <source>Trigger %1 paused</source>
        <translation>トリガー %1 を一時停止しました</translation>
    </message>
    <message>
        <source>Trigger %1 resumed</source>
        <translation>トリガー %1 を再開しました</translation>
    </message>
    <message>
        <source>Delete trigger</source>
        <translation>トリガーの削除</translation>
    </message>
    <message>
        <source>Delete the trigger %1? Its checkpoint is lost; records are not delivered to it any more.</source>
        <translation>トリガー %1 を削除しますか? チェックポイントは失われ、以後レコードは配信されません。</translation>
    </message>
    <message>
        <source>Trigger %1 deleted</source>
        <translation>トリガー %1 を削除しました</translation>
    </message>
</context>
<context>
    <name>dd::ui::TtlEditor</name>
    <message>
        <source>Cache TTLs</source>
        <translation>キャッシュの TTL</translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation>ミリ秒</translation>
    </message>
    <message>
        <source>record-ttl-millis: how long GetItem and BatchGetItem answer an item from the item cache</source>
        <translation>record-ttl-millis: GetItem と BatchGetItem が項目キャッシュから項目を返す期間</translation>
    </message>
    <message>
        <source>query-ttl-millis: how long Query and Scan answer a response from the query cache</source>
        <translation>query-ttl-millis: Query と Scan がクエリキャッシュから応答を返す期間</translation>
    </message>
    <message>
        <source>&amp;Item TTL (record-ttl-millis):</source>
        <translation>項目 TTL (record-ttl-millis)(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Query TTL (query-ttl-millis):</source>
        <translation>クエリ TTL (query-ttl-millis)(&amp;Q):</translation>
    </message>
    <message>
        <source>In milliseconds. An item read through a cluster is answered from the item cache until its TTL ends, so a write made around the cluster stays unseen until then; writes never refresh the query cache. Clusters that use the group take new TTLs at once.</source>
        <translation>ミリ秒単位です。クラスター経由で読み込んだ項目は TTL が切れるまで項目キャッシュから返されるため、クラスターを経由しない書き込みはそれまで見えません。書き込みでクエリキャッシュが更新されることはありません。グループを使うクラスターには新しい TTL がすぐに適用されます。</translation>
    </message>
    <message>
        <source>&amp;Save TTLs</source>
        <translation>TTL を保存(&amp;S)</translation>
    </message>
    <message>
        <source>Dax.UpdateParameterGroup</source>
        <translation>Dax.UpdateParameterGroup</translation>
    </message>
    <message>
        <source>Cache TTLs of %1</source>
        <translation>%1 のキャッシュの TTL</translation>
    </message>
    <message>
        <source>%1 is DAX&apos;s default group and cannot be changed: create a parameter group to use other TTLs.</source>
        <translation>%1 は DAX の既定のグループのため変更できません。別の TTL を使うにはパラメータグループを作成してください。</translation>
    </message>
    <message>
        <source>enter a number of milliseconds</source>
        <translation>ミリ秒数を入力してください</translation>
    </message>
    <message>
        <source>a whole number of milliseconds, 0 or more</source>
        <translation>0 以上の整数のミリ秒で指定してください</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 日</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 時間</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>never expire</source>
        <translation>期限切れなし</translation>
    </message>
    <message>
        <source>not cached</source>
        <translation>キャッシュしない</translation>
    </message>
    <message>
        <source>Item TTL: %1</source>
        <translation>項目 TTL: %1</translation>
    </message>
    <message>
        <source>Query TTL: %1</source>
        <translation>クエリ TTL: %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::itemjson</name>
    <message>
        <source>An item must be a JSON object</source>
        <translation>項目は JSON オブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>Unexpected text after the item</source>
        <translation>項目の後に余分なテキストがあります</translation>
    </message>
    <message>
        <source>Bad \u escape in a string</source>
        <translation>文字列中の \u エスケープが不正です</translation>
    </message>
    <message>
        <source>Bad escape in a string</source>
        <translation>文字列中のエスケープが不正です</translation>
    </message>
    <message>
        <source>Unterminated string</source>
        <translation>文字列が閉じられていません</translation>
    </message>
    <message>
        <source>Bad number</source>
        <translation>不正な数値です</translation>
    </message>
    <message>
        <source>Expected a member name in quotes</source>
        <translation>引用符で囲んだメンバー名が必要です</translation>
    </message>
    <message>
        <source>Duplicate member &quot;%1&quot;</source>
        <translation>メンバー「%1」が重複しています</translation>
    </message>
    <message>
        <source>Expected &apos;:&apos; after a member name</source>
        <translation>メンバー名の後に &apos;:&apos; が必要です</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>&apos;,&apos; または &apos;}&apos; が必要です</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>&apos;,&apos; または &apos;]&apos; が必要です</translation>
    </message>
    <message>
        <source>Expected a value</source>
        <translation>値が必要です</translation>
    </message>
</context>
<context>
    <name>dd::ui::policytext</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>%1 行 %2 列: %3</translation>
    </message>
    <message>
        <source>a policy is a JSON object: {&quot;Version&quot;: &quot;2012-10-17&quot;, &quot;Statement&quot;: [...]}</source>
        <translation>ポリシーは JSON オブジェクトです: {&quot;Version&quot;: &quot;2012-10-17&quot;, &quot;Statement&quot;: [...]}</translation>
    </message>
    <message>
        <source>unexpected text after the end of the policy</source>
        <translation>ポリシーの終わりの後に余分なテキストがあります</translation>
    </message>
    <message>
        <source>the text ends too early: %1</source>
        <translation>テキストが途中で終わっています: %1</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>入れ子が深すぎます</translation>
    </message>
    <message>
        <source>expected a value: a string in double quotes, a number, an object, an array, true, false or null</source>
        <translation>値が必要です: 二重引用符で囲んだ文字列、数値、オブジェクト、配列、true、false、null のいずれか</translation>
    </message>
    <message>
        <source>a comma before } with no member after it</source>
        <translation>} の前のカンマの後にメンバーがありません</translation>
    </message>
    <message>
        <source>expected a member name in double quotes</source>
        <translation>二重引用符で囲んだメンバー名が必要です</translation>
    </message>
    <message>
        <source>expected : after the member name</source>
        <translation>メンバー名の後に : が必要です</translation>
    </message>
    <message>
        <source>expected a comma or } after the member</source>
        <translation>メンバーの後にカンマか } が必要です</translation>
    </message>
    <message>
        <source>a comma before ] with no element after it</source>
        <translation>] の前のカンマの後に要素がありません</translation>
    </message>
    <message>
        <source>expected a comma or ] after the element</source>
        <translation>要素の後にカンマか ] が必要です</translation>
    </message>
    <message>
        <source>a line break or control character inside a string (is a &quot; missing?)</source>
        <translation>文字列の中に改行か制御文字があります(&quot; が抜けていませんか?)</translation>
    </message>
    <message>
        <source>\u needs four hexadecimal digits</source>
        <translation>\u には 16 進数字が 4 桁必要です</translation>
    </message>
    <message>
        <source>an escape sequence JSON does not know</source>
        <translation>JSON にないエスケープシーケンスです</translation>
    </message>
    <message>
        <source>this string has no closing &quot;</source>
        <translation>この文字列には閉じる &quot; がありません</translation>
    </message>
    <message>
        <source>not a JSON number</source>
        <translation>JSON の数値ではありません</translation>
    </message>
    <message>
        <source>replace %1 with the name of an IAM user</source>
        <translation>%1 を IAM ユーザーの名前に置き換えてください</translation>
    </message>
    <message>
        <source>replace %1 with the name of an IAM role</source>
        <translation>%1 を IAM ロールの名前に置き換えてください</translation>
    </message>
    <message>
        <source>replace %1 with a 12-digit AWS account ID</source>
        <translation>%1 を 12 桁の AWS アカウント ID に置き換えてください</translation>
    </message>
</context>
<context>
    <name>dd::ui::queryspec</name>
    <message>
        <source>A condition needs an attribute name</source>
        <translation>条件には属性名が必要です</translation>
    </message>
    <message>
        <source>Unknown operator %1</source>
        <translation>不明な演算子 %1</translation>
    </message>
    <message>
        <source>A BOOL value is true or false</source>
        <translation>BOOL の値は true または false です</translation>
    </message>
    <message>
        <source>A binary value is written in base64</source>
        <translation>バイナリ値は base64 で記述します</translation>
    </message>
    <message>
        <source>The table&apos;s key schema is not known yet</source>
        <translation>テーブルのキースキーマはまだ不明です</translation>
    </message>
    <message>
        <source>A Query needs a value for the partition key %1</source>
        <translation>Query にはパーティションキー %1 の値が必要です</translation>
    </message>
    <message>
        <source>A key condition cannot use %1</source>
        <translation>キー条件では %1 は使用できません</translation>
    </message>
    <message>
        <source>A condition on the sort key %1 needs one on %2 first (= on every sort attribute before it)</source>
        <translation>ソートキー %1 の条件には、先に %2 の条件が必要です (それより前のソート属性にはすべて =)</translation>
    </message>
    <message>
        <source>The sort key %1 needs = because %2 has a condition; only the last sort attribute used may have another operator</source>
        <translation>%2 に条件があるため、ソートキー %1 には = が必要です。他の演算子を使えるのは最後に使うソート属性だけです</translation>
    </message>
</context>
</TS>
