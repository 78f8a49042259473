# デモ独自の文字列（日本語）。
demo-title = leptos-loginrocket デモ
demo-nav = デモ
demo-nav-home = ホーム
demo-nav-protected = 保護されたページ
demo-nav-sign-in = ログイン
demo-nav-sign-up = 新規登録
demo-nav-custom = 独自のログイン画面
demo-language = 言語
demo-signed-out = ログアウト中
demo-conditional = 残りの手順があります: { $conditions }
demo-signed-in = { $email } としてログイン中（アカウント { $account }）
demo-users = デモ用ユーザー
demo-password-for-all = 全員共通のパスワード:
demo-user-ann = 通常のユーザー
demo-user-tom = 2段階認証（コード: GET /_emulator/totp?email=tom@example.com）
demo-user-mia = 2つの組織に所属、保存された言語: es
demo-user-una = メールアドレス未確認
demo-remember = この端末でログインを維持する（すべてのタブで共有、ページを再読み込みします）
demo-protected = 保護されたページ
demo-protected-title = 保護されたページ
demo-claims = トークンのクレーム（表示用にデコードしたもの。署名はバックエンドが検証します）:
demo-selected-account = アカウント: { $name }。{ $count ->
    [0] 権限はありません。
   *[other] 権限: { $permissions }。
}
demo-refresh = セッションを更新
demo-switch-account = アカウントを切り替え
demo-hosted-accounts = ホストページで切り替え
demo-account = アカウント
demo-edit-profile = プロフィールを編集
demo-change-password = パスワードを変更
demo-lab = 障害ラボ
demo-lab-rate-limit = 回数制限
demo-lab-rate-limit-next = 回数制限（5 秒）
demo-lab-timeout = タイムアウト
demo-lab-timeout-next = タイムアウトまで応答なし
demo-lab-server-error = サーバーエラー
demo-lab-server-error-next = サーバーエラー
demo-lab-garbage = 不正な応答
demo-lab-garbage-next = 読めない本文
demo-lab-expired = セッション切れ
demo-lab-expired-next = セッション切れ
demo-lab-queued = 次のリクエスト: { $fault }
demo-lab-unreachable = エミュレーターに接続できません
demo-not-found = ページが見つかりません
