"""Extraction tables for news, statistical bulletins and progress reports (README: rules for these genres).

Each case is one or a few real sentences from ../shared/corpus-news (texts g01-g12 and the
n-texts), wrapped the way the corpus keeps such pages; the expected facts are written by hand
from the README's rules. Known misses are xfail(strict=True), so that fixing one is noticed.
Expected facts list (region, year, period, indicator, measure, kind, value, unit, qualifier).
"""

from __future__ import annotations

import pytest

from tests.transforms._helpers import dateline, extract, page, summary


def fact(region: str, year: int, period: str, ind: str, measure: str, value: float, unit: str,
         q: str = "eq", kind: str = "actual") -> tuple[object, ...]:
    return (region, year, period, ind, measure, kind, value, unit, q)


FUJIAN = "福建最新GDP排名出炉:泉州总量最大,宁德增速最快"

NEWS = [
    pytest.param(
        page("一季度,宁德的GDP增速达到了两位数。尽管二季度宁德受疫情等因素影响增长有所放缓,但从上半年GDP来看,"
             "其增速仍然明显领先于全省其他地区,达到9.6%,仍保持在首位。", FUJIAN),
        {fact("宁德市", 2022, "H1", "gdp", "growth", 9.6, "%")},
        id="g01-a-growth-noun-compared-in-its-own-clause-then-its-figure",
    ),
    pytest.param(
        dateline("今年2月,据人民网安徽频道报道介绍,增速方面,滁州以5.5%领跑安徽省内16地市2022年GDP。安徽16市中,"
                 "有十地增速快于或等于全省GDP增速(3.5%)。根据滁州市统计局公布的数据显示,2022年滁州市实现生产总值3610.0亿元,"
                 "同比增长5.5%。"
                 "其中,第一产业增加值301.5亿元,同比增长3.7%;第二产业增加值1808.0亿元,同比增长7.7%。"),
        {fact("安徽省", 2022, "FY", "gdp", "growth", 3.5, "%"),
         fact("滁州市", 2022, "FY", "gdp", "level", 3610.0, "亿元"),
         fact("滁州市", 2022, "FY", "gdp", "growth", 5.5, "%"),
         fact("滁州市", 2022, "FY", "primary_industry_va", "level", 301.5, "亿元"),
         fact("滁州市", 2022, "FY", "primary_industry_va", "growth", 3.7, "%"),
         fact("滁州市", 2022, "FY", "secondary_industry_va", "level", 1808.0, "亿元"),
         fact("滁州市", 2022, "FY", "secondary_industry_va", "growth", 7.7, "%")},
        id="n020-a-year-named-on-its-own-holds-for-its-paragraph",
    ),
    pytest.param(
        page("上半年,福州(不含平潭)、龙岩、三明、漳州、厦门固定资产投资增速分别为12.4%、12.0%、11.3%、12.2%、10.5%,"
             "均超过两位数。", FUJIAN),
        {fact(r, 2022, "H1", "fixed_asset_investment", "growth", v, "%")
         for r, v in (("福州市", 12.4), ("龙岩市", 12.0), ("三明市", 11.3), ("漳州市", 12.2), ("厦门市", 10.5))},
        id="g01-fenbie-over-a-list-of-cities-with-a-scope-note",
    ),
    pytest.param(
        page("近日,福建省各地2022年上半年的GDP纷纷出炉。\n"
             "从增速来看,宁德、福州、厦门、漳州、龙岩的GDP增速高于全省平均水平(4.6%);"
             "所有地市的GDP增速均高于或等于全国(2.5%)。", FUJIAN),
        {fact("福建省", 2022, "H1", "gdp", "growth", 4.6, "%")},
        id="g01-compared-province-is-a-fact-the-nation-and-the-group-are-not",
    ),
    pytest.param(
        page("今年一季度,泉州GDP以百亿元领先于福州,经过二季度后,泉州领先“身位”拉大,与福州间的GDP差距扩大到"
             "接近200亿元。尽管泉州的体量仍超过福州,但福州的增速达到5.4%,超过全省平均水平,"
             "而泉州2.5%的增速低于全省平均水平。", FUJIAN),
        {fact("福州市", 2022, "H1", "gdp", "growth", 5.4, "%"),
         fact("泉州市", 2022, "H1", "gdp", "growth", 2.5, "%")},
        id="g01-leads-and-gaps-are-no-levels-a-bare-growth-noun-is-the-paragraphs-indicator",
    ),
    pytest.param(
        page("福建外贸在一季度迎来“开门红”后曾短暂受挫。尤其是6月,全省进出口规模创历史新高,当月进出口2212亿元,"
             "增长38.3%,较同期全国增速高24个百分点。", FUJIAN),
        {fact("福建省", 2022, "M6", "import_export", "level", 2212, "亿元"),
         fact("福建省", 2022, "M6", "import_export", "growth", 38.3, "%")},
        id="g01-single-month-and-its-current-month",
    ),
    pytest.param(
        page("15个副省级城市中,深圳和广州作为一线城市,上半年GDP都超过了1.3万亿元。其中,深圳以14324.47亿元位居第一。"
             "\n深圳市统计局公布的数据显示,上半年,全市规模以上工业增加值同比增长8.3%,两年平均增长3.2%。",
             "15个副省级城市上半年GDP:深圳总量第一 厦门增速最快", "Sun, 08 Aug 2021 13:34:03 GMT"),
        {fact("深圳市", 2021, "H1", "gdp", "level", 14324.47, "亿元"),
         fact("深圳市", 2021, "H1", "industry_va_above_scale", "growth", 8.3, "%")},
        id="g02-group-statement-ranked-level-quanshi-and-two-year-average",
    ),
    pytest.param(
        page("其中杭州上半年GDP达到了8646亿元,同比增长12.7%;两年平均增长7.0%。上半年,杭州全市数字经济核心产业增加值"
             "2306亿元,占GDP的26.7%,同比增长16.7%;两年平均增长13.6%,高于GDP增速6.6个百分点。",
             "15个副省级城市上半年GDP:深圳总量第一 厦门增速最快", "Sun, 08 Aug 2021 13:34:03 GMT"),
        {fact("杭州市", 2021, "H1", "gdp", "level", 8646, "亿元"),
         fact("杭州市", 2021, "H1", "gdp", "growth", 12.7, "%"),
         fact("杭州市", 2021, "H1", "digital_economy_core_va", "level", 2306, "亿元"),
         fact("杭州市", 2021, "H1", "digital_economy_core_va", "share", 26.7, "%"),
         fact("杭州市", 2021, "H1", "digital_economy_core_va", "growth", 16.7, "%")},
        id="g02-share-of-gdp-and-a-city-named-before-quanshi",
    ),
    pytest.param(
        page("蚌埠,“蚌埠住了”?\n有人晋级,也有人失意。失意的是著名的老工业基地、“淮河明珠”蚌埠,2021年GDP罕见出现零增长。\n"
             "退无可退的蚌埠,2022年预期目标设定为增长8%左右,力争更好一些。",
             "城市GDP竞争:谁春风得意?谁_蚌埠住了_?", "Wed, 26 Jan 2022 14:23:45 GMT"),
        {fact("蚌埠市", 2021, "FY", "gdp", "growth", 0, "%"),
         fact("蚌埠市", 2022, "FY", "gdp", "growth", 8, "%", "approx", "target")},
        id="g03-zero-growth-and-a-growth-target-without-an-indicator",
    ),
    pytest.param(
        page("2021年,广州GDP为28231.97亿元,增长8.1%;重庆GDP为27894.02亿元,增长8.3%。广州GDP超出重庆337亿多元,"
             "领先优势扩大。", "城市GDP竞争:谁春风得意?谁_蚌埠住了_?", "Wed, 26 Jan 2022 14:23:45 GMT"),
        {fact("广州市", 2021, "FY", "gdp", "level", 28231.97, "亿元"),
         fact("广州市", 2021, "FY", "gdp", "growth", 8.1, "%"),
         fact("重庆市", 2021, "FY", "gdp", "level", 27894.02, "亿元"),
         fact("重庆市", 2021, "FY", "gdp", "growth", 8.3, "%")},
        id="g03-each-city-its-own-figures-and-a-gap-is-none",
    ),
    pytest.param(
        page("国家统计局数据显示,2021年全国居民人均可支配收入是35128元,比上年增长9.1%,扣除价格因素,实际增长8.1%。"
             "全国居民人均可支配收入中位数29975元,增长8.8%。",
             "昆山人均GDP远超义乌,人均可支配收入却比义乌低,原因何在?", "Mon, 04 Apr 2022 02:15:24 GMT"),
        {fact("全国", 2021, "FY", "disposable_income", "level", 35128, "元"),
         fact("全国", 2021, "FY", "disposable_income", "growth", 9.1, "%")},
        id="g04-national-figure-shangnian-is-the-base-and-the-median-is-a-near-miss",
    ),
    pytest.param(
        page("从10强县(市)人均收入数据来看,排名第一的义乌市人均可支配收入为77468元/年,是全国平均数的2.2倍,"
             "即便是排名第10位的余姚市(63381元/年),居民可支配收入也是全国平均数的1.8倍。",
             "昆山人均GDP远超义乌,人均可支配收入却比义乌低,原因何在?", "Mon, 04 Apr 2022 02:15:24 GMT"),
        {fact("义乌市", 2021, "FY", "disposable_income", "level", 77468, "元"),
         fact("余姚市", 2021, "FY", "disposable_income", "level", 63381, "元")},
        id="g04-a-whole-years-result-is-for-the-year-before-publication",
    ),
    pytest.param(
        page("其中浙江省增速达到27.3%,一般预算收入2042.5亿元,暂时超过江苏省位列全国第二;江西省也达到597.5亿元。",
             "1-2月31个省市区一般公共预算收入全部正增长", "Sat, 27 Mar 2021 00:02:29 GMT"),
        {fact("浙江省", 2021, "M1-M2", "general_budget_revenue", "level", 2042.5, "亿元"),
         fact("江西省", 2021, "M1-M2", "general_budget_revenue", "level", 597.5, "亿元"),
         fact("浙江省", 2021, "M1-M2", "general_budget_revenue", "growth", 27.3, "%")},
        id="g06-a-region-alone-borrows-the-indicator-named-before",
    ),
    pytest.param(
        page("浙江、江西、吉林表现较为突出,相比2019年增长率都高达15%以上,其中浙江省增速达到27.3%,"
             "一般预算收入2042.5亿元。", "1-2月31个省市区一般公共预算收入全部正增长", "Sat, 27 Mar 2021 00:02:29 GMT"),
        {fact("浙江省", 2021, "M1-M2", "general_budget_revenue", "level", 2042.5, "亿元")},
        id="g06-growth-against-2019-is-no-growth-fact",
    ),
    pytest.param(
        page("5.5%是高基数上的中高速增长,体现了主动作为。2021年我国GDP同比增长8.1%,过去两年平均增长5.1%。",
             "GDP增长目标为何设为5.5%左右", "Sun, 06 Mar 2022 00:03:50 GMT"),
        {fact("全国", 2021, "FY", "gdp", "growth", 8.1, "%")},
        id="g05-national-page-and-a-two-year-average",
    ),
    pytest.param(
        page("每年两会,GDP增速是最受关注的经济指标之一。今年的政府工作报告,把这一目标确定在增长5.5%左右。\n"
             "5.5%是务实理性的,体现了发展为要。我国是世界上最大的发展中国家,发展仍是解决一切问题的基础和关键。"
             "当前,我国经济面临需求收缩、供给冲击、预期转弱三重压力。",
             "GDP增长目标为何设为5.5%左右", "Sun, 06 Mar 2022 00:03:50 GMT"),
        {fact("全国", 2022, "FY", "gdp", "growth", 5.5, "%", "approx", "target")},
        id="g05-a-target-reported-in-news",
    ),
    pytest.param(
        dateline("赛迪顾问7月25日发布《2023中国县域经济百强研究》报告并揭晓2023中国百强县榜单,江苏省以23席成为百强县数量最多的"
                 "省份,昆山继续位列榜首。前六名中除了晋江属于福建,其余均来自江苏,昆山去年完成地区生产总值5006.7亿元,"
                 "是国内首个GDP破5000亿的县级市。"),
        {fact("昆山市", 2022, "FY", "gdp", "level", 5006.7, "亿元")},
        id="n032-a-county-level-city-of-the-province-named-by-its-stem",
    ),
    pytest.param(
        dateline("7月25日,赛迪顾问县域经济研究中心在北京发布“2023赛迪百强县”榜单。我省长沙县、浏阳市、宁乡市、醴陵市上榜。"
                 "《2023中国县域经济百强研究》设置了评价“双门槛”,即GDP≥600亿元,一般公共预算收入≥20亿元。"
                 "醴陵2022年实现地区生产总值875.7亿元,增长5.4%。今年的报告显示,2022年“千亿县”总数达54个,"
                 "完成GDP8.6万亿元,占全国经济总量的7.1%。", "2023-07-27 09:13:31"),
        {fact("醴陵市", 2022, "FY", "gdp", "level", 875.7, "亿元"),
         fact("醴陵市", 2022, "FY", "gdp", "growth", 5.4, "%")},
        id="n043-thresholds-of-a-ranking-and-a-class-of-counties-are-no-facts",
    ),
    pytest.param(
        page("从2022年GDP增速目标值分布来看,29个省份中,GDP增速目标的平均值为6.4%,中位数为6.5%。",
             "29省2022年GDP目标平均值为6.4%", "Mon, 14 Feb 2022 08:00:00 GMT"),
        set(),
        id="n064-a-statistic-over-provinces-is-no-provinces-fact",
    ),
    pytest.param(
        dateline("浙江湖州市委8月18日举行发布会。20年来,当地的地区生产总值从2002年的422.5亿元跃升至去年的3850亿元,"
                 "增长超过8倍;一般公共预算收入从18.6亿元增至387.3亿元,增长近20倍。", "2023-08-18 17:19"),
        {fact("湖州市", 2022, "FY", "gdp", "level", 3850, "亿元"),
         fact("湖州市", 2002, "FY", "gdp", "level", 422.5, "亿元"),
         fact("湖州市", 2022, "FY", "general_budget_revenue", "level", 387.3, "亿元")},
        id="n038-the-end-of-a-span-named-with-its-year-after-the-start",
    ),
    pytest.param(
        dateline("增速方面,2022年安徽省内16地市中,池州、马鞍山GDP以5.4%、4.6%位列第二、第三。"
                 "增速方面,池州、马鞍山以5.4%、4.6%位列第二、第三。"),
        {fact("池州市", 2022, "FY", "gdp", "growth", 5.4, "%"),
         fact("马鞍山市", 2022, "FY", "gdp", "growth", 4.6, "%")},
        id="n020-as-many-regions-as-figures-pair-in-order-without-fenbie",
    ),
    pytest.param(
        dateline("2022年,安徽16市中,有十地增速快于或等于全省GDP增速(3.5%)。去年上半年,柳州GDP为1499.95亿元,"
                 "也就是说,柳州今年上半年GDP相比去年减少28.45亿元,名义增长-1.9%。"
                 "贵州城镇常住居民人均可支配收入21841元,名义增长3.9%。"),
        {fact("安徽省", 2022, "FY", "gdp", "growth", 3.5, "%"),
         fact("柳州市", 2022, "H1", "gdp", "level", 1499.95, "亿元"),
         fact("贵州省", 2023, "H1", "disposable_income_urban", "level", 21841, "元"),
         fact("贵州省", 2023, "H1", "disposable_income_urban", "growth", 3.9, "%")},
        id="n020-n024-the-provinces-own-growth-compared-gdps-nominal-growth-is-none-incomes-is-the-growth",
    ),
    pytest.param(
        dateline("中新网兴安盟7月28日电 自2019年首届阿尔山校友经济论坛成功举办至今,校友经济已演化成“校友模式”。"
                 "目前,内蒙古地区生产总值跃上两万亿大关,主要经济指标增幅重回全国第一方阵。", "2023-07-28 18:36"),
        {fact("内蒙古自治区", 2022, "FY", "gdp", "level", 2, "万亿元", "ge")},
        id="n045-a-milestone-without-yuan-and-a-since-year-is-no-year-of-the-paragraph",
    ),
]

BULLETINS = [
    pytest.param(
        dateline("7月21日,据天津市统计局消息,上半年,天津市地区生产总值为7842.83亿元,按不变价格计算,同比增长4.8%。"
                 "分产业看,第一产业增加值80.54亿元,同比增长4.2%。上半年,天津GDP增速低于全国水平(5.5%);"
                 "另天津市统计局数据,今年一季度,天津市地区生产总值为3715.38亿元,增长5.5%;去年全年,"
                 "该市地区生产总值为16311.34亿元,按不变价格计算,比上年增长1.0%。"),
        {fact("天津市", 2023, "H1", "gdp", "level", 7842.83, "亿元"),
         fact("天津市", 2023, "H1", "gdp", "growth", 4.8, "%"),
         fact("天津市", 2023, "H1", "primary_industry_va", "level", 80.54, "亿元"),
         fact("天津市", 2023, "H1", "primary_industry_va", "growth", 4.2, "%"),
         fact("天津市", 2023, "Q1", "gdp", "level", 3715.38, "亿元"),
         fact("天津市", 2023, "Q1", "gdp", "growth", 5.5, "%"),
         fact("天津市", 2022, "FY", "gdp", "level", 16311.34, "亿元"),
         fact("天津市", 2022, "FY", "gdp", "growth", 1.0, "%")},
        id="n008-several-periods-and-years-in-one-paragraph",
    ),
    pytest.param(
        dateline("7月22日,河南省统计局发布消息,上半年河南全省地区生产总值(GDP)31326亿元,按不变价格计算,同比增长3.8%。"
                 "上半年河南GDP增速低于全国水平(5.5%),同时,上半年GDP增速慢于该省一季度增速(5.0%),"
                 "快于该省去年全年增速(3.1%)。", "2023-07-22 19:19"),
        {fact("河南省", 2023, "H1", "gdp", "level", 31326, "亿元"),
         fact("河南省", 2023, "H1", "gdp", "growth", 3.8, "%"),
         fact("河南省", 2023, "Q1", "gdp", "growth", 5.0, "%"),
         fact("河南省", 2022, "FY", "gdp", "growth", 3.1, "%")},
        id="n005-compared-terms-of-its-own-other-periods-quote-their-figures",
    ),
    pytest.param(
        dateline("记者16日从陕西省统计局获悉,1月至7月该省代表产业转型升级的装备制造业增长较快。"
                 "7月份,陕西省规模以上工业增加值同比下降2.9%,规上能源工业增加值同比增长1.9%。"
                 "1月至7月,该省规上工业增加值累计下降1.2%。", "2023-08-16 16:29"),
        {fact("陕西省", 2023, "M7", "industry_va_above_scale", "growth", -2.9, "%"),
         fact("陕西省", 2023, "M1-M7", "industry_va_above_scale", "growth", -1.2, "%")},
        id="n015-a-month-and-months-to-date-and-a-sub-statistic",
    ),
    pytest.param(
        dateline("杭州市统计局、国家统计局杭州调查队7月20日发布上半年当地经济运行情况,全市实现生产总值9602亿元,"
                 "以可比价格计同比增长6.9%,增速比一季度快2.3个百分点,高于全国1.4个百分点。", "2023-07-20 17:32"),
        {fact("杭州市", 2023, "H1", "gdp", "level", 9602, "亿元"),
         fact("杭州市", 2023, "H1", "gdp", "growth", 6.9, "%")},
        id="n018-bureau-names-the-city-quanshi-refers-back",
    ),
    pytest.param(
        "2017年上半年青岛西海岸新区经济运行情况\n今年以来,全市认真贯彻落实中央和全省的决策部署。\n"
        "初步核算,上半年全市实现生产总值5075.08亿元,按可比价格计算,增长7.7%。\n发布单位:青岛统计局\n",
        {fact("青岛市", 2017, "H1", "gdp", "level", 5075.08, "亿元"),
         fact("青岛市", 2017, "H1", "gdp", "growth", 7.7, "%")},
        id="g12-comparable-prices-do-not-break-a-run",
    ),
]

PROGRESS = [
    pytest.param(
        page("据南京海关9月17日通报,1-8月江苏省外贸进出口值32878.4亿元,同增17.1%,占中国进出口总值的13.3%。"
             "其中,出口20310.4亿元,增长18.6%。", "1-8月江苏外贸同增17.1%,民企拉动进出口增长9.6个百分点",
             "Fri, 17 Sep 2021 11:05:53 GMT"),
        {fact("江苏省", 2021, "M1-M8", "import_export", "level", 32878.4, "亿元"),
         fact("江苏省", 2021, "M1-M8", "import_export", "growth", 17.1, "%"),
         fact("江苏省", 2021, "M1-M8", "import_export", "share", 13.3, "%")},
        id="g11-customs-release-tong-zeng-and-a-share-of-the-nation",
    ),
    pytest.param(
        page("数据显示,前三季度,广东外贸进出口总额6.03万亿元,同比增长18.6%,两年平均增长8.0%。当月进出口总量创历史新高,"
             "全省进出口0.78万亿元,同比增长12.1%。", "广东前三季度GDP达8.8万亿,当月进出口创历史新高",
             "Sat, 23 Oct 2021 06:55:26 GMT"),
        {fact("广东省", 2021, "Q1-Q3", "import_export", "level", 6.03, "万亿元"),
         fact("广东省", 2021, "Q1-Q3", "import_export", "growth", 18.6, "%"),
         fact("广东省", 2021, "M9", "import_export", "level", 0.78, "万亿元"),
         fact("广东省", 2021, "M9", "import_export", "growth", 12.1, "%")},
        id="g10-the-current-month-of-the-first-three-quarters",
    ),
    pytest.param(
        page("根据深圳市地区生产总值统一核算结果,2022年上半年,光明区GDP为614.71亿元,同比增长6.3%。"
             "其中,第二产业增加值为400.97亿元,同比增长6.8%。",
             "工业、投资齐发力,深圳光明区上半年GDP增速达6.3%", "Wed, 03 Aug 2022 12:24:18 GMT"),
        {fact("光明区", 2022, "H1", "gdp", "level", 614.71, "亿元"),
         fact("光明区", 2022, "H1", "gdp", "growth", 6.3, "%"),
         fact("光明区", 2022, "H1", "secondary_industry_va", "level", 400.97, "亿元"),
         fact("光明区", 2022, "H1", "secondary_industry_va", "growth", 6.8, "%")},
        id="g09-a-district-of-a-city-in-the-headline",
    ),
]

KNOWN_MISSES = [
    pytest.param(
        page("“浙江居民收入分配差距明显低于京沪粤苏,例如,2021年城乡之比仅为1.94,且呈缩小态势。”杨开忠说。",
             "昆山人均GDP远超义乌,人均可支配收入却比义乌低,原因何在?", "Mon, 04 Apr 2022 02:15:24 GMT"),
        {fact("浙江省", 2021, "FY", "urban_rural_income_ratio", "level", 1.94, "倍")},
        id="g04-a-ratio-written-without-a-unit",
        marks=pytest.mark.xfail(strict=True, reason="城乡之比 names no income: not a wording of the income ratio"),
    ),
]


@pytest.mark.parametrize(("raw", "expected"), NEWS)
def test_news(raw: str, expected: set[tuple[object, ...]]) -> None:
    assert summary(extract(raw)) == expected


@pytest.mark.parametrize(("raw", "expected"), BULLETINS)
def test_bulletins(raw: str, expected: set[tuple[object, ...]]) -> None:
    assert summary(extract(raw)) == expected


def test_an_entity_word_inside_an_indicator_name_and_a_month_before_it() -> None:
    """n018-style Shanghai bulletin wording (written for the test): 企业 inside 住宿企业营业额 is
    part of the name, not a single company; 6月份 before an indicator times it, it does not narrow it."""
    raw = dateline("上海市统计局7月20日消息,上半年,全市住宿企业营业额同比增长60.8%,餐饮企业营业额同比增长56.6%。"
                   "其中,6月份城镇调查失业率为4.7%。", "2023-07-20 17:32")
    assert summary(extract(raw)) == {
        fact("上海市", 2023, "H1", "accommodation_revenue", "growth", 60.8, "%"),
        fact("上海市", 2023, "H1", "catering_revenue", "growth", 56.6, "%"),
        fact("上海市", 2023, "M6", "urban_unemployment_rate", "level", 4.7, "%"),
    }


def test_goods_named_before_a_trade_wording_are_a_breakdown() -> None:
    """g11: exports of named goods (集成电路…分别出口, 出口钢材) are no exports of the region; the total is.
    (Exports are not in the acceptance set, so the facts are read whole rather than through `summary`.)"""
    raw = dateline("江苏省前8个月,全省出口20310.4亿元,增长18.6%。其中,集成电路、笔记本电脑、电工器材、太阳能电池"
                   "分别出口1493.7亿元、1109.9亿元、922.9亿元和395.6亿元,分别增长18.4%、14%、28.4%和23.5%。"
                   "出口机电产品13380.2亿元,增长18.1%,占出口总值的(下同)65.9%;出口钢材578.3亿元,增长56.6%。",
                   "2021-09-18 10:20")
    assert {(f.indicator, f.measure, f.value) for f in extract(raw)} == {
        ("foreign_trade_export", "level", 20310.4), ("foreign_trade_export", "growth", 18.6)}


def test_a_release_without_its_lead_names_one_period() -> None:
    """n056 cut before its lead ("前三季度,"): the one period the release names is its own, and
    the file name places and dates it (the text says only 全区)."""
    raw = ("全区实现地区生产总值1291.92亿元,按不变价格计算(下同),同比增长6.2%。\n一、农业\n"
           "前三季度全区实现第一产业增加值72.61亿元,同比增长3.8%;蔬菜产量238.6万吨,增长2.6%。\n")
    assert summary(extract(raw, doc="n056_fuling_bulletin_2025.txt")) == {
        fact("涪陵区", 2025, "Q1-Q3", "gdp", "level", 1291.92, "亿元"),
        fact("涪陵区", 2025, "Q1-Q3", "gdp", "growth", 6.2, "%"),
        fact("涪陵区", 2025, "Q1-Q3", "primary_industry_va", "level", 72.61, "亿元"),
        fact("涪陵区", 2025, "Q1-Q3", "primary_industry_va", "growth", 3.8, "%"),
    }


@pytest.mark.parametrize(("raw", "expected"), PROGRESS)
def test_progress_reports(raw: str, expected: set[tuple[object, ...]]) -> None:
    assert summary(extract(raw)) == expected


@pytest.mark.parametrize(("raw", "expected"), KNOWN_MISSES)
def test_known_misses(raw: str, expected: set[tuple[object, ...]]) -> None:
    assert summary(extract(raw)) == expected
