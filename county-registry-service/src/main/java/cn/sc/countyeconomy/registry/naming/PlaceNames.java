package cn.sc.countyeconomy.registry.naming;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * English names of divisions: the pinyin of the proper name (GB/T 16159 style, syllables joined,
 * apostrophe before a/o/e) followed by the translated type suffix. pinyin4j gives every reading
 * of a heteronym; place names often use a reading that is not its first, so a small override table
 * of place-name words fixes them (都江堰 Du, 乐山 Le, 长宁 Chang, 犍为 Qian, ...).
 */
public final class PlaceNames {

    /** Place-name words whose characters are read unusually or ambiguously. */
    static final Map<String, String> WORDS = new LinkedHashMap<>();
    /** Single characters whose place-name reading differs from pinyin4j's first reading. */
    static final Map<Character, String> CHARS = new LinkedHashMap<>();
    /** Ethnic groups in autonomous names, longest first where one contains another. */
    static final Map<String, String> ETHNIC = new LinkedHashMap<>();
    /** Type suffixes, longest first. */
    static final Map<String, String> SUFFIX = new LinkedHashMap<>();

    static {
        WORDS.put("都江堰", "dujiangyan");
        WORDS.put("乐山", "leshan");
        WORDS.put("乐至", "lezhi");
        WORDS.put("长宁", "changning");
        WORDS.put("犍为", "qianwei");
        WORDS.put("筠连", "junlian");
        WORDS.put("朝天", "chaotian");
        WORDS.put("阆中", "langzhong");
        WORDS.put("荥经", "yingjing");
        WORDS.put("会理", "huili");
        WORDS.put("会东", "huidong");
        WORDS.put("南充", "nanchong");
        WORDS.put("重庆", "chongqing");
        WORDS.put("蚌埠", "bengbu");
        WORDS.put("六安", "lu'an");
        WORDS.put("番禺", "panyu");
        WORDS.put("乐清", "yueqing");
        WORDS.put("乐亭", "laoting");
        WORDS.put("单县", "shan");
        WORDS.put("尉犁", "yuli");
        WORDS.put("蔚县", "yu");
        WORDS.put("铅山", "yanshan");
        WORDS.put("东阿", "dong'e");
        WORDS.put("巴中", "bazhong");
        WORDS.put("射洪", "shehong");
        WORDS.put("大邑", "dayi");
        WORDS.put("沙湾", "shawan");
        WORDS.put("屏山", "pingshan");
        WORDS.put("华蓥", "huaying");
        WORDS.put("石渠", "shiqu");
        WORDS.put("什邡", "shifang");
        WORDS.put("郫都", "pidu");
        WORDS.put("邛崃", "qionglai");
        WORDS.put("涪城", "fucheng");
        WORDS.put("珙县", "gong");
        WORDS.put("雅江", "yajiang");
        WORDS.put("洪雅", "hongya");
        WORDS.put("茂县", "mao");
        WORDS.put("得荣", "derong");
        WORDS.put("若尔盖", "ruo'ergai");
        WORDS.put("阿坝", "aba");
        WORDS.put("色达", "seda");
        WORDS.put("炉霍", "luhuo");
        WORDS.put("盐亭", "yanting");
        WORDS.put("盐边", "yanbian");
        WORDS.put("盐源", "yanyuan");
        WORDS.put("省直辖县级行政区划", "province-administered");
        WORDS.put("自治区直辖县级行政区划", "region-administered");
        CHARS.put('都', "du");
        CHARS.put('长', "chang");
        CHARS.put('乐', "le");
        CHARS.put('朝', "chao");
        CHARS.put('重', "chong");
        CHARS.put('会', "hui");
        CHARS.put('行', "xing");
        CHARS.put('石', "shi");
        CHARS.put('沙', "sha");
        CHARS.put('屏', "ping");
        CHARS.put('大', "da");
        CHARS.put('曲', "qu");
        CHARS.put('兴', "xing");
        CHARS.put('宁', "ning");
        CHARS.put('华', "hua");
        CHARS.put('广', "guang");
        CHARS.put('阿', "a");
        CHARS.put('南', "nan");
        CHARS.put('单', "shan");
        CHARS.put('济', "ji");
        CHARS.put('降', "jiang");
        CHARS.put('藏', "zang");
        CHARS.put('荥', "xing");
        CHARS.put('尉', "wei");
        CHARS.put('解', "xie");
        CHARS.put('厦', "xia");
        CHARS.put('泊', "bo");
        CHARS.put('秘', "bi");
        CHARS.put('柏', "bai");
        CHARS.put('称', "cheng");
        CHARS.put('强', "qiang");
        CHARS.put('和', "he");
        CHARS.put('家', "jia");
        CHARS.put('塔', "ta");
        CHARS.put('陆', "lu");
        CHARS.put('龟', "gui");
        CHARS.put('隆', "long");
        CHARS.put('攀', "pan");
        CHARS.put('中', "zhong");
        CHARS.put('江', "jiang");
        CHARS.put('色', "se");
        CHARS.put('差', "cha");
        CHARS.put('校', "xiao");
        CHARS.put('参', "shen");
        CHARS.put('据', "ju");
        CHARS.put('合', "he");
        CHARS.put('伯', "bo");
        CHARS.put('车', "che");
        CHARS.put('干', "gan");
        CHARS.put('难', "nan");
        CHARS.put('查', "cha");
        CHARS.put('查', "cha");
        CHARS.put('给', "gei");
        CHARS.put('吐', "tu");
        CHARS.put('什', "shi");
        CHARS.put('盛', "sheng");
        CHARS.put('莎', "sha");
        CHARS.put('剑', "jian");
        CHARS.put('蔚', "wei");
        CHARS.put('喀', "ka");
        CHARS.put('供', "gong");
        ETHNIC.put("彝族", "Yi");
        ETHNIC.put("藏族", "Tibetan");
        ETHNIC.put("羌族", "Qiang");
        ETHNIC.put("苗族", "Miao");
        ETHNIC.put("土家族", "Tujia");
        ETHNIC.put("回族", "Hui");
        ETHNIC.put("蒙古族", "Mongol");
        ETHNIC.put("满族", "Manchu");
        ETHNIC.put("壮族", "Zhuang");
        ETHNIC.put("侗族", "Dong");
        ETHNIC.put("瑶族", "Yao");
        ETHNIC.put("白族", "Bai");
        ETHNIC.put("哈尼族", "Hani");
        ETHNIC.put("傣族", "Dai");
        ETHNIC.put("黎族", "Li");
        ETHNIC.put("傈僳族", "Lisu");
        ETHNIC.put("佤族", "Va");
        ETHNIC.put("畲族", "She");
        ETHNIC.put("拉祜族", "Lahu");
        ETHNIC.put("水族", "Sui");
        ETHNIC.put("东乡族", "Dongxiang");
        ETHNIC.put("纳西族", "Naxi");
        ETHNIC.put("景颇族", "Jingpo");
        ETHNIC.put("柯尔克孜族", "Kirgiz");
        ETHNIC.put("土族", "Tu");
        ETHNIC.put("达斡尔族", "Daur");
        ETHNIC.put("仫佬族", "Mulao");
        ETHNIC.put("布依族", "Bouyei");
        ETHNIC.put("仡佬族", "Gelao");
        ETHNIC.put("锡伯族", "Xibe");
        ETHNIC.put("撒拉族", "Salar");
        ETHNIC.put("毛南族", "Maonan");
        ETHNIC.put("哈萨克族", "Kazak");
        ETHNIC.put("保安族", "Bonan");
        ETHNIC.put("裕固族", "Yugur");
        ETHNIC.put("鄂温克族", "Evenki");
        ETHNIC.put("鄂伦春族", "Oroqen");
        ETHNIC.put("朝鲜族", "Korean");
        ETHNIC.put("塔吉克族", "Tajik");
        ETHNIC.put("普米族", "Pumi");
        ETHNIC.put("怒族", "Nu");
        ETHNIC.put("独龙族", "Derung");
        ETHNIC.put("布朗族", "Blang");
        ETHNIC.put("维吾尔族", "Uygur");
        ETHNIC.put("各族", "Multi-ethnic");
        SUFFIX.put("自治县", "Autonomous County");
        SUFFIX.put("自治旗", "Autonomous Banner");
        SUFFIX.put("自治州", "Autonomous Prefecture");
        SUFFIX.put("自治区", "Autonomous Region");
        SUFFIX.put("特别行政区", "Special Administrative Region");
        SUFFIX.put("林区", "Forestry District");
        SUFFIX.put("特区", "Special District");
        SUFFIX.put("新区", "New District");
        SUFFIX.put("地区", "Prefecture");
        SUFFIX.put("区", "District");
        SUFFIX.put("市", "City");
        SUFFIX.put("县", "County");
        SUFFIX.put("旗", "Banner");
        SUFFIX.put("盟", "League");
        SUFFIX.put("州", "Prefecture");
        SUFFIX.put("省", "Province");
    }

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_U_UNICODE);
    }

    private PlaceNames() {
    }

    /** The English name of a division from its Chinese name, e.g. 合江县 -> Hejiang County, 北川羌族自治县 -> Beichuan Qiang Autonomous County. */
    public static String english(String chinese) {
        if (chinese == null || chinese.isBlank()) {
            return null;
        }
        String name = chinese.trim();
        if (name.equals("市辖区")) {
            return "Municipal Districts";
        }
        if (WORDS.containsKey(name) && WORDS.get(name).contains("-administered")) {
            return capitalize(WORDS.get(name)) + " County-level Divisions";
        }
        if (name.equals("县")) {
            return "Counties";
        }
        String suffix = null;
        for (Map.Entry<String, String> e : SUFFIX.entrySet()) {
            // a one-character name is all proper name (渠县 keeps 县 as suffix, but 县 alone is handled above)
            if (name.endsWith(e.getKey()) && name.length() > e.getKey().length()) {
                suffix = e.getKey();
                break;
            }
        }
        String base = suffix == null ? name : name.substring(0, name.length() - suffix.length());
        List<String> ethnic = new ArrayList<>();
        if (suffix != null && suffix.startsWith("自治")) {
            boolean found = true;
            while (found) {
                found = false;
                for (Map.Entry<String, String> e : ETHNIC.entrySet()) {
                    if (base.endsWith(e.getKey()) && base.length() > e.getKey().length()) {
                        ethnic.add(0, e.getValue());
                        base = base.substring(0, base.length() - e.getKey().length());
                        found = true;
                        break;
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(capitalize(pinyin(base, suffix)));
        if (!ethnic.isEmpty()) {
            out.append(' ').append(String.join(" and ", ethnic));
        }
        if (suffix != null) {
            out.append(' ').append(SUFFIX.get(suffix));
        }
        return out.toString();
    }

    /** Joined pinyin of a proper name, lower case, with an apostrophe before a, o, e after the first syllable. */
    public static String pinyin(String hanzi) {
        return pinyin(hanzi, null);
    }

    private static String pinyin(String hanzi, String suffix) {
        if (suffix != null && WORDS.containsKey(hanzi + suffix)) {
            return WORDS.get(hanzi + suffix);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < hanzi.length()) {
            String word = null;
            for (String w : WORDS.keySet()) {
                if (hanzi.startsWith(w, i) && (word == null || w.length() > word.length())) {
                    word = w;
                }
            }
            String syllables;
            if (word != null) {
                syllables = WORDS.get(word);
                i += word.length();
            } else {
                syllables = syllable(hanzi.charAt(i));
                i++;
            }
            if (out.length() > 0 && !syllables.isEmpty() && "aoe".indexOf(syllables.charAt(0)) >= 0) {
                out.append('\'');
            }
            out.append(syllables);
        }
        return out.toString();
    }

    private static String syllable(char c) {
        if (CHARS.containsKey(c)) {
            return CHARS.get(c);
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (readings == null || readings.length == 0) {
                return String.valueOf(c);
            }
            return readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            return String.valueOf(c);
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Form used to match a search term against names: lower case, no spaces, apostrophes, hyphens or diacritics. */
    public static String searchKey(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[\\s'’\\-]", "");
    }
}
