//! Chinese renderings of serde's English error details, so a person reading zh-CN sees a
//! whole message in Chinese. Names in backticks (fields, values) are kept as they are.

use crate::error::quoted;

/// Render a serde detail in Chinese; unknown shapes keep the English after a Chinese lead.
pub fn translate(detail: &str) -> String {
    let name = quoted(detail).unwrap_or("");
    let options = detail.split_once("expected ").map_or("", |(_, rest)| rest);
    if detail.starts_with("unknown field") {
        format!("未知字段 `{name}`，应为：{}", options.replace("one of ", ""))
    } else if detail.starts_with("missing field") {
        format!("缺少必填字段 `{name}`")
    } else if detail.starts_with("unknown variant") {
        format!("无效取值 `{name}`，可选：{}", options.replace("one of ", ""))
    } else if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let (got, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("类型错误：实际为 {}，应为 {wanted}", kind_zh(got))
    } else if let Some(rest) = detail.strip_prefix("invalid value: ") {
        let (got, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("取值无效：{}，应为 {wanted}", kind_zh(got))
    } else if detail.starts_with("number too large") {
        format!("数字过大：{}", detail.trim_start_matches("number too large: "))
    } else if detail.starts_with("recursion limit") {
        "嵌套层级过深".to_string()
    } else if detail.contains("EOF") {
        format!("JSON 不完整（{detail}）")
    } else if detail.contains("line ") {
        format!("JSON 语法错误（{detail}）")
    } else {
        format!("取值无效：{detail}")
    }
}

fn kind_zh(got: &str) -> String {
    let table = [
        ("string ", "字符串 "),
        ("integer ", "整数 "),
        ("floating point ", "小数 "),
        ("boolean ", "布尔值 "),
        ("sequence", "数组"),
        ("map", "对象"),
        ("null", "null"),
    ];
    table
        .iter()
        .find(|(en, _)| got.starts_with(en))
        .map_or_else(|| got.to_string(), |(en, zh)| format!("{zh}{}", got.trim_start_matches(en)))
}
