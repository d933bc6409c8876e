// The core's JSON value (core/json.h): strict parsing, exact numbers, writing.
#include "core/json.h"

#include <doctest/doctest.h>

#include <string>

using acw::Json;

namespace {

// The error of parsing `text`, or "" when it parsed.
std::string error_of(const std::string& text) {
  const auto p = Json::parse(text);
  CHECK(p.ok() == p.error.empty());
  return p.error;
}

bool parses(const std::string& text) { return error_of(text).empty(); }

// Parses text that must be valid.
Json read(const std::string& text) {
  auto p = Json::parse(text);
  REQUIRE_MESSAGE(p.ok(), p.error);
  return *p.value;
}

}  // namespace

TEST_CASE("json: valid texts of every kind") {
  CHECK(read("null").is_null());
  CHECK(read("true").boolean());
  CHECK(read("false").is_bool());
  CHECK_FALSE(read("false").boolean());
  CHECK(read(" \t\r\n\"x\" \n").text() == "x");
  CHECK(read("[]").is_array());
  CHECK(read("[]").size() == 0);
  CHECK(read("{}").is_object());
  const Json j = read(R"({"a":[1,-2,3.5,"s",true,null,{"b":{}}],"c":"d"})");
  REQUIRE(j.is_object());
  REQUIRE(j.size() == 2);
  CHECK(j.key(0) == "a");
  CHECK(j.key(1) == "c");
  CHECK(j["a"].size() == 7);
  CHECK(j["a"][0].as_u64() == 1u);
  CHECK(j["a"][1].as_i64() == -2);
  CHECK(j["a"][2].text() == "3.5");
  CHECK(j["a"][3].text() == "s");
  CHECK(j["a"][6]["b"].is_object());
  CHECK(j["c"] == "d");
  CHECK(j["missing"].is_null());
  CHECK(j["a"][99].is_null());
  CHECK(j.find("missing") == nullptr);
  CHECK(read("[1]").find("a") == nullptr);  // not an object
  for (const char* number : {"0", "-0", "12", "1.5", "-0.25", "1e5", "1E+5", "2.5e-3", "123456789012345678901234567890"}) {
    CAPTURE(number);
    const Json n = read(number);
    CHECK(n.is_number());
    CHECK(n.text() == number);  // kept exactly as written
  }
}

TEST_CASE("json: invalid texts are errors with a reason and a position") {
  for (const char* bad : {"", " ", "{", "}", "[", "]", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{1:1}",
                          "nul", "tru", "True", "NaN", "Infinity", "-", "+1", "01", "-01", "1.", ".5", "1e", "1e+",
                          "0x10", "'a'", "\"a", "[1] trailing", "1 2", "/* c */ 1", "// c\n1", "[1]]",
                          "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"tab\there\"", "\"nl\nhere\"", "\"\\\"",
                          "\x01", "\xEF\xBB\xBF{}"}) {
    CAPTURE(bad);
    const std::string e = error_of(bad);
    CHECK(e.rfind("Text is not valid JSON: ", 0) == 0);
    CHECK(e.find(" at byte ") != std::string::npos);
  }
  CHECK(error_of("[1,]") == "Text is not valid JSON: unexpected character at byte 3.");
  CHECK(error_of("[1") == "Text is not valid JSON: unexpected end of text at byte 2.");
  CHECK(error_of("1 2") == "Text is not valid JSON: unexpected text after the value at byte 2.");
  CHECK(error_of("\"a\x01\"") == "Text is not valid JSON: control character in a string at byte 2.");
  CHECK(error_of("\"\\q\"") == "Text is not valid JSON: invalid escape at byte 2.");
}

TEST_CASE("json: escapes, including surrogate pairs") {
  CHECK(read(R"("\"\\\/\b\f\n\r\t")").text() == "\"\\/\b\f\n\r\t");
  CHECK(read(R"("\u0041\u00e9\u20AC")").text() == "A\xC3\xA9\xE2\x82\xAC");  // A é €
  CHECK(read(R"("\ud83d\ude00")").text() == "\xF0\x9F\x98\x80");              // U+1F600
  CHECK(read(R"("\uDBFF\uDFFF")").text() == "\xF4\x8F\xBF\xBF");              // U+10FFFF
  CHECK(read(R"("a\u0000b")").text() == std::string("a\0b", 3));
  for (const char* lone : {R"("\ud83d")", R"("\ud83dx")", R"("\ud83d\u0041")", R"("\ude00")", R"("\ude00\ud83d")",
                           R"("\ud83d\n")"}) {
    CAPTURE(lone);
    CHECK(error_of(lone).find("lone surrogate") != std::string::npos);
  }
}

TEST_CASE("json: UTF-8 is validated") {
  CHECK(read("\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"").text() == "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  for (const char* bad : {"\"\xff\"", "\"\xC3\"", "\"\xC3x\"", "\"\x80\"", "\"\xC0\xAF\"", "\"\xE0\x80\xAF\"",
                          "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xF0\x9F\x98\"", "\"\xF8\x88\x80\x80\x80\""}) {
    CAPTURE(bad);
    CHECK(error_of(bad).find("invalid UTF-8") != std::string::npos);
  }
  CHECK(error_of("{\"\xff\":1}").find("invalid UTF-8") != std::string::npos);  // keys too
}

TEST_CASE("json: nesting is limited, and deep input neither crashes nor overflows the stack") {
  const auto nested = [](int depth, char open, char close) {
    return std::string(static_cast<size_t>(depth), open) + std::string(static_cast<size_t>(depth), close);
  };
  CHECK(parses(nested(Json::kMaxDepth, '[', ']')));
  CHECK(error_of(nested(Json::kMaxDepth + 1, '[', ']')).find("nested too deep") != std::string::npos);
  std::string objects;
  for (int i = 0; i < Json::kMaxDepth + 1; ++i) objects += "{\"a\":";
  CHECK(error_of(objects + "1" + std::string(Json::kMaxDepth + 1, '}')).find("nested too deep") != std::string::npos);
  CHECK_FALSE(parses(std::string(100'000, '[')));
  CHECK_FALSE(parses(nested(100'000, '[', ']')));
  CHECK_FALSE(parses(std::string(100'000, '{')));
}

TEST_CASE("json: the size limit") {
  const std::string text = "\"" + std::string(100, 'a') + "\"";
  CHECK(Json::parse(text, text.size()).ok());
  const auto p = Json::parse(text, text.size() - 1);
  CHECK_FALSE(p.ok());
  CHECK(p.error == "JSON text is too long.");
  CHECK_FALSE(Json::parse(std::string(Json::kMaxTextBytes + 1, ' ')).ok());  // the default limit
}

TEST_CASE("json: whole numbers are exact, fractions are not whole numbers") {
  CHECK(read("18446744073709551615").as_u64() == UINT64_MAX);
  CHECK_FALSE(read("18446744073709551616").as_u64());
  CHECK(read("9223372036854775807").as_i64() == INT64_MAX);
  CHECK_FALSE(read("9223372036854775808").as_i64());
  CHECK(read("-9223372036854775808").as_i64() == INT64_MIN);
  CHECK_FALSE(read("-9223372036854775809").as_i64());
  CHECK_FALSE(read("-1").as_u64());
  CHECK(read("-0").as_i64() == 0);
  CHECK_FALSE(read("-0").as_u64());  // written with a sign
  for (const char* not_whole : {"1.0", "1e3", "0.5", "\"12\"", "true", "null"}) {
    CAPTURE(not_whole);
    CHECK_FALSE(read(not_whole).as_u64());
    CHECK_FALSE(read(not_whole).as_i64());
  }
  CHECK(read("12").is_integer());
  CHECK(read("-12").is_integer());
  CHECK_FALSE(read("12.0").is_integer());
  CHECK_FALSE(read("1E2").is_integer());
  CHECK_FALSE(read("\"12\"").is_integer());
  // A big amount written as a number keeps every digit through a round trip.
  const std::string big = "[340282366920938463463374607431768211455,-1.25e-300]";
  CHECK(read(big).dump() == big);
}

TEST_CASE("json: numbers from integers and decimals") {
  CHECK(Json(0).dump() == "0");
  CHECK(Json(-42).dump() == "-42");
  CHECK(Json(uint64_t{18446744073709551615u}).dump() == "18446744073709551615");
  CHECK(Json(int64_t{INT64_MIN}).dump() == "-9223372036854775808");
  CHECK(Json(static_cast<unsigned short>(7)).as_u64() == 7u);
  CHECK(Json(size_t{5}).is_integer());
  CHECK(Json::decimal(1234, 2).dump() == "12.34");
  CHECK(Json::decimal(1600, 2).dump() == "16");
  CHECK(Json::decimal(1650, 2).dump() == "16.5");
  CHECK(Json::decimal(5, 2).dump() == "0.05");
  CHECK(Json::decimal(-5, 2).dump() == "-0.05");
  CHECK(Json::decimal(-250, 2).dump() == "-2.5");
  CHECK(Json::decimal(0, 2).dump() == "0");
  CHECK(Json::decimal(7, 0).dump() == "7");
  CHECK(Json::decimal(INT64_MIN, 3).dump() == "-9223372036854775.808");
  CHECK(read(Json::decimal(-5, 2).dump()).is_number());
}

TEST_CASE("json: objects keep their order; the last of duplicate keys wins") {
  Json o = Json::object({{"z", 1}, {"a", 2}, {"m", 3}});
  CHECK(o.dump() == R"({"z":1,"a":2,"m":3})");
  o.set("a", "two");
  o.set("b", true);
  CHECK(o.dump() == R"({"z":1,"a":"two","m":3,"b":true})");
  CHECK(Json::object({{"k", 1}, {"k", 2}}).dump() == R"({"k":2})");

  const Json parsed = read(R"({"k":1,"x":0,"k":2})");
  CHECK(parsed["k"] == 2);
  CHECK(parsed.find("k")->as_u64() == 2u);
  CHECK(parsed.size() == 3);  // every member is kept, in order
  CHECK(parsed.dump() == R"({"k":1,"x":0,"k":2})");

  Json a = Json::array({1, "two", nullptr, false});
  a.push_back(Json::array());
  CHECK(a.dump() == R"([1,"two",null,false,[]])");
  Json not_array = Json("x");
  not_array.push_back(1);  // ignored: not an array
  not_array.set("k", 1);   // ignored: not an object
  CHECK(not_array.dump() == R"("x")");
}

TEST_CASE("json: the writer escapes and always writes valid UTF-8") {
  CHECK(Json("q\"b\\s/").dump() == R"("q\"b\\s/")");
  CHECK(Json("\b\f\n\r\t").dump() == R"("\b\f\n\r\t")");
  CHECK(Json(std::string("\x01\x1f\0", 3)).dump() == R"("\u0001\u001f\u0000")");
  CHECK(Json("\x7f").dump() == "\"\x7f\"");
  CHECK(Json("\xC3\xA9\xF0\x9F\x98\x80").dump() == "\"\xC3\xA9\xF0\x9F\x98\x80\"");
  // Bytes that are not well-formed UTF-8 become U+FFFD, one per byte.
  CHECK(Json("a\xff" "b").dump() == "\"a\xEF\xBF\xBD" "b\"");
  CHECK(Json("\xC3").dump() == "\"\xEF\xBF\xBD\"");                          // cut sequence
  CHECK(Json("\xED\xA0\x80").dump() == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  CHECK(Json::object({{"\xff", 1}}).dump() == "{\"\xEF\xBF\xBD\":1}");       // keys too
  CHECK(parses(Json("\xC0\xAF\xE2\x82").dump()));
}

TEST_CASE("json: round trips") {
  for (const char* text : {R"({"a":[1,2,{"b":null}],"c":"\u00e9\n","d":-0.5e10,"e":{}})", R"([[],[[]],{}])",
                           R"("\ud83d\ude00")", "0", "[true,false,null]"}) {
    CAPTURE(text);
    const Json once = read(text);
    const std::string written = once.dump();
    const Json twice = read(written);
    CHECK(twice == once);
    CHECK(twice.dump() == written);
  }
  CHECK(read(R"({ "a" : [ 1 , 2 ] })").dump() == R"({"a":[1,2]})");  // compact
  CHECK(read(R"("\u00e9\/")").dump() == "\"\xC3\xA9/\"");              // escapes only where needed
}

TEST_CASE("json: equality") {
  CHECK(read("[1,{\"a\":\"b\"}]") == Json::array({1, Json::object({{"a", "b"}})}));
  CHECK(read("1") != read("1.0"));  // numbers compare by their text
  CHECK(read("{\"a\":1,\"b\":2}") != read("{\"b\":2,\"a\":1}"));
  CHECK(Json() == Json(nullptr));
  CHECK(Json(false) != Json());
  CHECK(Json("1") != Json(1));
}
