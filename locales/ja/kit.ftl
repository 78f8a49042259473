# leptos-loginrocket: キット独自の文言（日本語）。

## フィールド名（ラベル。サーバーの検証メッセージもこの名前で始まります）
field-email = メールアドレス
field-password = パスワード
field-password-confirmation = パスワード（確認）
field-current-password = 現在のパスワード
field-new-password = 新しいパスワード
field-first-name = 名
field-last-name = 姓
field-username = ユーザー名
field-org-name = 組織名
field-token = 招待
field-code = コード

field-required = { $field }を入力してください。

password-show = パスワードを表示
password-hide = パスワードを隠す

login-submit = ログイン
login-pending = ログインしています…
login-failed = ログインできませんでした。入力内容を確認して、もう一度お試しください。
signup-submit = アカウントを作成
signup-pending = アカウントを作成しています…
signup-failed = アカウントを作成できませんでした。もう一度お試しください。
forgot-submit = リセット用リンクを送信
forgot-pending = 送信しています…
forgot-sent = このメールアドレスのアカウントがある場合は、パスワード再設定用のリンクを送信しました。
reset-submit = 新しいパスワードを設定
reset-pending = 保存しています…
reset-done = パスワードを変更しました。
reset-done-sign-in = パスワードを変更しました。新しいパスワードでログインしてください。
reset-missing-token = このパスワード再設定リンクは不完全です。新しいリンクをリクエストしてください。
reset-request-new = 新しいリンクをリクエスト

error-rate-limited = 試行回数が多すぎます。{ $seconds }秒後にもう一度お試しください。
rate-limit-countdown = 残り{ $seconds }秒
rate-limit-over = もう一度お試しいただけます。
error-session-expired = セッションの有効期限が切れました。もう一度ログインしてください。
error-link-expired = このリンクは無効か、有効期限が切れています。
error-offline = オフラインのようです。接続を確認して、もう一度お試しください。
error-timeout = ログインサービスの応答がありませんでした。もう一度お試しください。
error-unavailable = 現在ログインサービスに接続できません。しばらくしてから、もう一度お試しください。
error-generic = 問題が発生しました。もう一度お試しください。
retry = 再試行

logout-local-only = この端末ではログアウトしましたが、ログインサービスに接続できなかったため、他の場所のセッションは終了していません。

two-factor-submit = 確認
two-factor-pending = 確認しています…
account-picker-hosted = ログインページでアカウントを選択
complete-profile-submit = 続ける
complete-profile-pending = 保存しています…
verify-email-verifying = メールアドレスを確認しています…
verify-email-done = メールアドレスが確認されました。
invitation-submit = 招待をリクエスト
invitation-pending = 送信しています…
invitation-sent = ありがとうございます。このメールアドレスに招待を送信できる場合は、送信しました。
profile-submit = 変更を保存
profile-pending = 保存しています…
profile-saved = プロフィールを更新しました。
password-change-submit = パスワードを変更
password-change-pending = 保存しています…
password-changed = パスワードを変更しました。
logout = ログアウト
logged-out = ログアウトしました。
step-expired = このログイン手順はすでに終了しています。もう一度ログインしてください。
next-step-unknown = ログインを完了するには、もう1つの手順が必要です。
next-step-continue = ログインページで続ける

page-sign-in = ログイン
page-sign-up = アカウントを作成
page-forgot-password = パスワードをお忘れですか？
page-reset-password = 新しいパスワードを設定
page-verify-email = メールアドレスの確認
page-two-factor = 確認コードを入力
page-choose-account = アカウントを選択
page-complete-profile = プロフィールを完成させる
page-profile = プロフィール
page-change-password = パスワードを変更
page-request-invitation = 招待をリクエスト
page-next-step = もう1つの手順
link-forgot-password = パスワードをお忘れですか？
link-sign-up = アカウントを作成
link-sign-in = ログインに戻る
links-label = 関連ページ
page-title = { $page } · { $app }
page-load-failed = ページを読み込めませんでした。接続を確認して、もう一度お試しください。
locale-load-failed = その言語を読み込めませんでした。接続を確認して、もう一度選んでください。

password-hint = { $count }文字以上

## ホストされたログインページと、そこからの戻り
hosted-or = または
hosted-continue-with = { $provider }で続行
hosted-more-ways = その他のログイン方法
hosted-last-used = 前回使用
page-callback = ログイン中
callback-checking = ログインを確認しています…
callback-confirm = { $account } として続行しますか？
callback-confirm-why = ログインページから戻りましたが、このログインはここで開始されたものではありません。今ログインした場合のみ続行してください。
callback-continue = 続行
callback-missing = このログインリンクは不完全です。
callback-expired = このログインリンクの有効期限が切れています。
callback-invalid = このログインリンクは無効か、ログインが終了しています。
callback-sign-in-again = もう一度ログイン
