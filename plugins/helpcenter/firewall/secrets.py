"""The secret firewall: find what must never leave the reader's device (Python twin of secrets.js).

`find_secrets(text)` returns every recovery phrase, private key or similar secret in a text, so the
ticket builder can refuse to put it in a URL and the build can prove the property with Hypothesis.
The browser runs the same rules in `assets/helpcenter/firewall/secrets.js`; both are pinned by
tests/fixtures/firewall/secret-vectors.yml. Kinds:

| kind | what | the reader may send it? |
|---|---|---|
| recovery-phrase | a wallet's seed words: BIP-39, Monero, Electrum (old and new), SLIP-39 (see `phrases`) | never |
| private-key | 64 hex digits (whole, or in equal groups) labelled as a key | never |
| ambiguous-hex | 64 hex digits with no label: a TxID or a raw key | after confirming it is a TxID |
| wif | a Wallet Import Format key (5…, K…, L…; testnet 9…, c…) | never |
| xprv | a BIP-32 extended private key (xprv, tprv, yprv, zprv, …) | never |
| keystore | an encrypted keystore JSON (crypto, ciphertext, kdf, mac) | never |
| 2fa-code | a one-time code next to a label (2FA, "the code from my authenticator app", 验证码, …) | never |
| password | a passcode, PIN or passphrase given after a label | never |
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpcenter.firewall.phrases import find_phrases

ALNUM_BEFORE = "(?<![0-9A-Za-z])"
ALNUM_AFTER = "(?![0-9A-Za-z])"
B58 = "[1-9A-HJ-NP-Za-km-z]"
HEX64 = re.compile(f"{ALNUM_BEFORE}(?:0[xX])?[0-9a-fA-F]{{64}}{ALNUM_AFTER}")
KEY_LABEL = re.compile(
    r"private[ \t_-]*key|priv[ \t_-]*key|secret[ \t_-]*key|(?<![A-Za-z])key(?![A-Za-z])|私钥|私鑰|密钥|密鑰|秘密鍵",
    re.I,
)
SAFE_LABEL = re.compile(
    r"tx[ \t_-]*(?:id|hash)|txn[ \t_-]*(?:id|hash)|transaction[ \t_-]*(?:id|hash)|(?<![A-Za-z])hash(?![A-Za-z])"
    r"|public[ \t_-]*key|pub[ \t_-]*key|sha-?256|checksum|digest|/tx/|/txs/|/transaction/"
    r"|交易(?:哈希|ID|号|號|编号|編號)|哈希|公钥|公鑰|校验和",
    re.I,
)
LABEL_REACH = 48
BLANK = re.compile(r"[ \t\r]*")
# A 64-digit value pasted in equal groups (4 x 16, 8 x 8, 16 x 4, 2 x 32): wallets and paper backups show
# keys that way. The separators are the ones a copy keeps: spaces, a hyphen, a line break.
GROUP_SEP = r"(?:[ \t]*\n[ \t]*|[ \t]+|-)"


def _groups(size: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # (64 digits in groups of `size`, not followed by one more such group; one such group just before)
    group = f"[0-9a-fA-F]{{{size}}}"
    run = f"{ALNUM_BEFORE}(?:0[xX])?{group}(?:{GROUP_SEP}{group}){{{64 // size - 1}}}{ALNUM_AFTER}"
    return (re.compile(f"{run}(?!{GROUP_SEP}{group}{ALNUM_AFTER})"),
            re.compile(f"{ALNUM_BEFORE}{group}{GROUP_SEP}\\Z"))


HEX_GROUPS = tuple(_groups(size) for size in (4, 8, 16, 32))
# A transaction named without "hash" or "ID" ("my transaction 0x…", "tx 0x… failed", "交易 0x…") labels
# the value only when it comes right before it.
TX_WORD = re.compile(
    r"(?:(?<![A-Za-z])(?:transaction|tx|txn|transfer)(?![A-Za-z])|交易|转账|轉賬)"
    r"[ \t:：#=(（\"'“”-]*(?:(?:is|was|id|是|为|為)[ \t:：#=]*)?$", re.I)
WIF = re.compile(f"{ALNUM_BEFORE}(?:[59]{B58}{{50}}|[KLc]{B58}{{51}}){ALNUM_AFTER}")
XPRV = re.compile(f"{ALNUM_BEFORE}[xtyzuvYZUV]prv{B58}{{20,}}")
KEYSTORE_KEY = re.compile(r'"(crypto|ciphertext|cipherparams|kdf|kdfparams|mac)"\s*:', re.I)
TWO_FA_LABEL = re.compile(
    r"(?<![0-9A-Za-z])2fa|two[ \t-]?factor|(?:2|two)[ \t-]?step|google[ \t]*auth(?:enticator)?|authenticator|authy"
    r"|one[ \t-]?time[ \t]*(?:pass)?code|(?<![A-Za-z])(?:t?otp|mfa)(?![A-Za-z])|verification[ \t]*code"
    r"|security[ \t]*code|sms[ \t]*code"
    r"|验证码|驗證碼|谷歌验证器|谷歌驗證器|谷歌验证|谷歌驗證|身份验证器|身份驗證器|验证器|驗證器|动态码|動態碼|动态口令|動態口令"
    r"|二次验证|双重验证|两步验证|双重认证|安全码",
    re.I,
)
# Between the label and the code only punctuation and filler words that say where the code is shown
# ("app is", "app shows", "上显示的是", "里的数字是"), so "verification code expired, error code 100025"
# is not a code. Nor is a number that goes on as an amount ("app: 250000 USDT").
TWO_FA_FILLER = (r"code|is|was|number|app|application|token|shows?|showed|says|said|reads|displays?|gives|gave"
                 r"|generated|now|currently|right|码|碼|是|为|為|上|里|裡|中|的|显示|顯示|数字|數字|号码|號碼")
TWO_FA_AMOUNT = r"(?![.,][0-9])(?![ \t]*(?:usdt|usdc|trx|eth|btc|bnb|usd|cny|rmb|sun|元|块|塊|个|個|笔|筆)(?![A-Za-z]))"
TWO_FA_CODE = re.compile(
    rf"^(?:[^0-9A-Za-z\u4e00-\u9fff]|(?:{TWO_FA_FILLER})(?![A-Za-z]))*?"
    rf"([0-9]{{3}}[ -][0-9]{{3}}|[0-9]{{6,8}})(?![0-9A-Za-z]){TWO_FA_AMOUNT}",
    re.I,
)
# The code may come first ("492817 is the code from my authenticator"): then a linking word must say so.
TWO_FA_CODE_BEFORE = re.compile(
    rf"(?<![0-9A-Za-z.,#])([0-9]{{3}}[ -][0-9]{{3}}|[0-9]{{6,8}})(?![0-9]){TWO_FA_AMOUNT}"
    r"(?=((?:[ \t,;:()（）]|(?:is|was|the|my|a|code|from|in|on|by|via|of|是|为|為|来自|在)(?![A-Za-z]))*)\Z)"
    r"(?=[^\n]*?(?:(?<![A-Za-z])(?:is|was|from|in|on|by|via)(?![A-Za-z])|[(（]|是|为|為|来自|在))",
    re.I,
)
TWO_FA_REACH = 32
PASSWORD = re.compile(
    r"(?<![A-Za-z])(?:password|passcode|passphrase|pin(?:[ \t]*code)?|支付密码|交易密码|密码|密碼|口令)"
    r"(?:[ \t]*(?:[:：=]|是|为|為)[ \t]*|[ \t]+is[ \t]+)"
    r"([^\s，。,;；:：/`\"'()\[\]{}<>]{4,64})(?![^\s，。,;；.!?])",
    re.I,
)
PASSWORD_SIGN = re.compile(r"[0-9!@#$%^&*_+=?~]")
MASKED = re.compile(r"^[*•·xX]+$")

MUST_BLOCK = frozenset({"recovery-phrase", "private-key", "wif", "xprv", "keystore", "2fa-code", "password"})
CONFIRMABLE = frozenset({"ambiguous-hex"})


@dataclass(frozen=True, order=True)
class Finding:
    """One secret: its kind and its span [start, end) in the text."""

    start: int
    end: int
    kind: str

    def as_dict(self) -> dict[str, object]:
        """The shape the browser API returns: {kind, start, end}."""
        return {"kind": self.kind, "start": self.start, "end": self.end}


def find_secrets(text: str) -> list[Finding]:
    """Every secret in `text`, in order; overlapping findings of one kind are merged."""
    found = [Finding(s, e, "recovery-phrase") for s, e in find_phrases(text)]
    found += _hex_keys(text)
    found += [Finding(*m.span(), "wif") for m in WIF.finditer(text)]
    found += [Finding(*m.span(), "xprv") for m in XPRV.finditer(text)]
    found += _keystore(text)
    found += _two_fa(text)
    found += _passwords(text)
    return _tidy(found)


def scrub(text: str) -> str:
    """`text` with each must-block secret replaced by a marker naming its kind ("[removed: wif]")."""
    for found in reversed(must_block(find_secrets(text))):
        text = f"{text[:found.start]}[removed: {found.kind}]{text[found.end:]}"
    return text


def must_block(findings: list[Finding]) -> list[Finding]:
    """The findings that stop a ticket whatever the reader says."""
    return [f for f in findings if f.kind in MUST_BLOCK]


def _hex_keys(text: str) -> list[Finding]:
    spans = [m.span() for m in HEX64.finditer(text)]
    for grouped, group_before in HEX_GROUPS:
        spans += [m.span() for m in grouped.finditer(text) if not group_before.search(text, 0, m.start())]
    found = []
    for start, end in spans:
        # The label is on the value's line, or alone on the line above ("Private key:" then the value).
        lines = text[max(0, start - LABEL_REACH):start].split("\n")
        before = lines[-2] if len(lines) > 1 and BLANK.fullmatch(lines[-1]) else lines[-1]
        kind = _hex_kind(before)
        if kind:
            found.append(Finding(start, end, kind))
    return found


def _hex_kind(before: str) -> str:
    # The label nearest the value wins; a transaction word right before it is a label too, unless a
    # key is also named ("my private key for tx 0x…" stays a key).
    key = max((m.end() for m in KEY_LABEL.finditer(before)), default=-1)
    safe = max((m.end() for m in SAFE_LABEL.finditer(before)), default=-1)
    if key < 0 and TX_WORD.search(before):
        return ""
    if key > safe:
        return "private-key"
    return "ambiguous-hex" if safe < 0 else ""


def _keystore(text: str) -> list[Finding]:
    keys = list(KEYSTORE_KEY.finditer(text))
    names = {m.group(1).lower() for m in keys}
    if len(names) < 2 or not names & {"ciphertext", "kdfparams"}:
        return []
    brace = text.rfind("{", 0, keys[0].start())
    close = text.rfind("}")
    return [Finding(brace if brace >= 0 else keys[0].start(), close + 1 if close > keys[-1].end() else len(text),
                    "keystore")]


def _two_fa(text: str) -> list[Finding]:
    found = []
    for label in TWO_FA_LABEL.finditer(text):
        window = text[label.end():label.end() + TWO_FA_REACH]
        code = TWO_FA_CODE.match(window)
        if code:
            found.append(Finding(label.end() + code.start(1), label.end() + code.end(1), "2fa-code"))
        start = max(0, label.start() - TWO_FA_REACH)
        code = TWO_FA_CODE_BEFORE.search(text[start:label.start()])
        if code:
            found.append(Finding(start + code.start(1), start + code.end(1), "2fa-code"))
    return found


def _passwords(text: str) -> list[Finding]:
    return [Finding(*m.span(1), "password") for m in PASSWORD.finditer(text)
            if PASSWORD_SIGN.search(m.group(1)) and not MASKED.match(m.group(1))]


def _tidy(found: list[Finding]) -> list[Finding]:
    # Longest first: a hex string inside a keystore belongs to the keystore finding. Then one kind's
    # overlapping spans merge (a phrase found in two word lists that share words).
    kept: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, f.start, f.kind)):
        if not any(k.kind in MUST_BLOCK and k.kind != f.kind and k.start <= f.start and f.end <= k.end
                   for k in kept):
            kept.append(f)
    merged: list[Finding] = []
    for f in sorted(kept, key=lambda f: (f.kind, f.start, f.end)):
        if merged and merged[-1].kind == f.kind and f.start <= merged[-1].end:
            merged[-1] = Finding(merged[-1].start, max(merged[-1].end, f.end), f.kind)
        else:
            merged.append(f)
    return sorted(merged)
