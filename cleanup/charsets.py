"""Which encoding a file without a byte-order mark is in.

Order: strict UTF-8; then GB18030 and Big5, each decoded strictly and the more plausible kept;
then a general detector (charset-normalizer) for everything else.

Why not the detector alone: on mostly-English news with a few Chinese characters it reads GBK
as cp949 or Big5 (bench/encoding_detection.py). Why not "strict GB18030, done": Big5's byte
ranges lie inside GBK's, so nearly every Big5 file also decodes as GB18030 -- into nonsense.
Both legacy Chinese encodings are therefore tried and their decodings scored:

* ``common``: the share of non-ASCII characters that are standard hanzi (GB2312 level 1 or
  Big5 level 1) or CJK / general punctuation. Big5 misread as GBK is full of rare extension
  hanzi, kana and box drawing; GBK misread as Big5 lands in Big5 level 2.
* ``frequent``: the share that are among the 1,500 most frequent hanzi in either script.
  EUC-KR Korean misread as GBK is made of standard hanzi (common = 1.0) picked almost at
  random (frequent ~ 0.3); real Chinese scores 0.8 or more.

A decoding is plausible when ``common >= 0.7`` and ``frequent >= 0.45``; below ``MIN_JUDGED``
non-ASCII characters one rare character moves the shares too much, so there only
``common >= 0.5`` is asked. The plausible decoding with the higher
``common + frequent`` wins; a tie goes to GB18030 (mainland sources are the common case). With
neither plausible, the detector decides among the encodings a news file plausibly comes in
(Windows and ISO code pages, the East Asian multibyte ones; not DOS or Mac code pages, in which
any bytes decode), and among its least chaotic candidates cp1252 is preferred: a Western
single-byte file here is English news.
"""

from __future__ import annotations

import codecs
import functools
from collections.abc import Callable

MIN_JUDGED = 12
MIN_COMMON = 0.7
MIN_COMMON_SHORT = 0.5
MIN_FREQUENT = 0.45
CHINESE = ("gb18030", "big5")
LIKELY = (
    "cp125", "iso8859", "koi8", "cp949", "euc_kr", "johab", "cp932", "shift_jis", "euc_j", "iso2022",
    "big5hkscs", "cp950", "gbk", "gb2312", "utf-16", "utf-32",
)  # fmt: skip

# The 1,500 most frequent hanzi of jieba's dictionary (word frequencies summed per character,
# GB2312 level 1 only); tests/test_encodings.py recomputes it from the installed jieba.
FREQUENT_HAN = (
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于"
    "后就发自之对得主长可过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进"
    "区事代那去心小同北定开产前其军还然起种所如现理机体表力好外与文当两实重新三么只山"
    "水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城十相但已些正口通想度"
    "加第她合院物性战由位常点海意场武使次二向治因立数样身情入原问把路被并利石老教万知"
    "级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首"
    "共马形己儿司太目基领队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决"
    "张导术府才保交放管结师便走达族反再题色五京河接条规式县白它改风光运信受什组听布百"
    "济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边据集联古广完质阳难增"
    "历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑"
    "革该持始英克士尔让拉思根格造较际亲单朝红型价校约器字段周亚深候则功属积快图火千准"
    "究往极育装许参半令吃观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源"
    "息语股铁断派速怎需片爱律纪支早况病境证编越局推满且列觉服双未居除乐企引标确织初青"
    "志率项飞球节察龙响药站施均消客失轻存低甚般击曾防请离落显罗营足素视护副食创余照兴"
    "占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严"
    "桥模仅胜杀围席态破承招杨负层须父供续状域似依银范修找九致密终血旅钱赛独细效玉冲获"
    "习医演毛尽脸弹楼艺航陆右协七攻镇检写苏宗章注阿抗弟坐验封紧劳户优财养适陈喜卫排射"
    "哥油刻留急降念云微伤例景拿绝阶座刘刚害印亿沙母酒助闻超审待压升送监策略限竟香配藏"
    "敌呢差仍兰温园树征善波哪词岛止预怕继皮执味份角草男普答益谁船惊核街夏宣掌田久著画"
    "辑奇尼剑吧谈背免孩礼材愿洋春架筑括晚乱乎讲尚良友临激刀夜室既敢邦挥昌板胡欧福港叶"
    "简苦担句岁荆贵娘守辖威宜衣帮块堂额错剧充欢够孙班呼阵销坚练脚退读测吴希宁换版异某"
    "顾曲楚典朱毒菜判救宋茶洪含顺啊鲜败货矿端兄归冷忙买险康评肉吗厂永哈沉散遗停笔假输"
    "牛洞松渐顶训录否述毕督控丰献姑忽爷互亮纳襄登咱钟伯臣雄季脑介鄂召饭暗扩祖齐短烈赶"
    "牌恩诉移诗础露届蒙静喝盘卖植授伊湾博痛减穿逐秘庭陵固禁票灵杂姓泽吸侧庆妈遇追甲馆"
    "补唐炮沿殿刺怪彩俄旧警索岸轮妇载靠附毫怀软骨探雷旁罪枪牙迎序慢盛雨墙恶谷顿危稳熟"
    "概酸操诸绿佛荣针托宽折野付午肯库厚缺罢耳屋嘴末谢巨培页瓦款犯困店智拥雪翻圣戏旗吉"
    "婚奖岩疑币圆歌廷健卡烧析讨跑烟误仙疗舞亡闭汽伸脱秋姐繁侵川莫麻秀借寻私岗卷跳丽横"
    "驻套兼您君丁束纸夺袁灯坏坦丝径购阴床瞧择墓宪峰遍鲁庙掉丹桃御舰避售怒课播拔奥延虚"
    "隐粮络遭摇潜庄混厅婆奴鼓赵访睡震予童徐韦殖抓拜吨扬址洛休纵逃染纷贸透汇灭蛋森仪塔"
    "距狐融郡缓聚盖拍迹忠释润粉孔岭搜紫虑促抵钢塞寺津液码虎坛珍硬梁奔累役偏迫凡损壁哭"
    "替税综伦冰盟挂韩竞乌尤弱铺妹秦尊竹珠迅脉泥鬼纯睛刑途隆潮幅杯握谋剂幸奉乘抱朋谓频"
    "崇壮骑恐享鸡虫绍铜呈泛械摆欲奶敬措爆暴签猛郭嘉障缩亦废搞胞埃曰撤暖寒订俗绩阻盐萨"
    "勒忘奏孝贴灰梅触玩默醒胸莲篇柱裁啦淡抢捕闹纺截讯朗誉雅忍梦伙勇峡徒丈尾迷唱泉泰佳"
    "残闪伍呀疾署剩贼冠倾豆申贫诺麦泪羊尖辈镜涉贡爹缘摩妻殊贝零映甘骂糖岳饮奋棉雕跃汗"
    "冒渡努赞启阁斤裂患伏池鹿洗劲晋倍圈媒箭沟锋胆凭挑抬闯隔弄曹汤苗迁叹唯振储贯彻桌祭"
    "符僧衡炸旋喊凤黎郎援肥磁忌赏辽祥董仁辛瑞询敏浪貌毁昨巧腿抽荷陷焦净腹弃乃湘亩滑狗"
    "冬宏皆番尸伟桂览恢龄绕趣晶坡魏摸伴墨浓绪舍蓝荡阅井鸿旦惯症鸟窗扎辞聘穷堰宇键荒递"
    "恨隶厉杜闲腰袭侍灾涨叔湿寨幕豪郑磨浮薄券"
)


@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """GB2312 level 1 (3,755 hanzi) and Big5 level 1 (5,401 hanzi, 0xA440-0xC67E)."""
    chars: set[str] = set()
    low = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    for enc, leads, trails in (("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)), ("big5", range(0xA4, 0xC7), low)):
        for lead in leads:
            for trail in trails:
                try:
                    ch = bytes((lead, trail)).decode(enc)
                except UnicodeDecodeError:
                    continue
                if "\u4e00" <= ch <= "\u9fff":
                    chars.add(ch)
    return frozenset(chars)


@functools.lru_cache(maxsize=1)
def _frequent() -> frozenset[str]:
    """The frequent hanzi in every script OpenCC knows (so Big5 text is judged fairly)."""
    from .zh import script_forms

    forms = script_forms("\n".join(FREQUENT_HAN))
    return frozenset(ch for form in forms for ch in form.split("\n"))


def _punctuation(code: int) -> bool:
    return 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or 0x2010 <= code <= 0x2027


def plausibility(text: str) -> tuple[float, float, int]:
    """``(common, frequent, judged)`` over the non-ASCII characters of ``text``."""
    common, frequent = _common(), _frequent()
    judged = good = often = 0
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            continue
        judged += 1
        if _punctuation(code):
            good += 1
            often += 1
        else:
            good += ch in common
            often += ch in frequent
    if not judged:
        return 1.0, 1.0, 0
    return good / judged, often / judged, judged


def _plausible(text: str) -> float | None:
    common, frequent, judged = plausibility(text)
    if judged < MIN_JUDGED:
        ok = common >= MIN_COMMON_SHORT
    else:
        ok = common >= MIN_COMMON and frequent >= MIN_FREQUENT
    if not ok:
        return None
    return common + frequent


def strict(data: bytes, encoding: str, final: bool = True) -> str | None:
    """``data`` decoded strictly, or ``None``; with ``final`` false a cut last character is fine."""
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(data, final)
    except UnicodeDecodeError:
        return None


def guess(data: bytes, whole: Callable[[str], bool] | None = None) -> tuple[str, str] | None:
    """``(encoding, how)`` for ``data`` (no BOM), or ``None`` when nothing decodes it.

    ``data`` is the whole file, or only its beginning when ``whole`` is given: then
    ``whole(encoding)`` says whether the entire file decodes strictly in that encoding.
    """
    final = whole is None
    check = whole or (lambda _enc: True)
    if strict(data, "utf-8", final) is not None and check("utf-8"):
        return "utf-8", "utf-8"
    best: tuple[float, str] | None = None
    for enc in CHINESE:
        text = strict(data, enc, final)
        score = None if text is None else _plausible(text)
        if score is not None and (best is None or score > best[0]) and check(enc):
            best = (score, enc)
    if best is not None:
        return best[1], best[1]
    found = _detector(data)
    if found is not None and check(found):
        return found, "detector"
    return None


def _likely(name: str) -> bool:
    """Encodings a news file plausibly comes in; a DOS or Mac code page must be named instead
    (any bytes decode in cp437: accepting it would take junk for text)."""
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return False
    return canonical.startswith(LIKELY)


def _detector(data: bytes) -> str | None:
    """charset-normalizer's choice, cp1252 first among equally coherent Western code pages."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    matches = [m for m in from_bytes(data) if _likely(m.encoding)]
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    calm = [m for m in matches if m.chaos <= least + 0.01]
    if any("cp1252" in m.could_be_from_charset for m in calm):
        return "cp1252"
    return str(calm[0].encoding)
