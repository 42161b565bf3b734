variable "N" {
  default = 7
}
target "t" {
  args = {
    big = 99999999999999999999999999999999 * 99999999999999999999999999999999
    tiny = 0.000000000000000000001 * 3
    thirds = 2 / 3
    mixed = 1.1 + 2.2
    neg_div = -7 / 2
    mod_frac = 7.5 % 2
    mod_neg = -7.5 % 2
    str_num = "3" * "4"
    exp = 1.5e10
    exp_neg = 2.5e-3
    chained = 1 - 2 - 3 * 4 / 2 % 5
    cmp_chain = 1 < 2 == true
    var_math = N * N - N / N
    len_div = length([1, 2, 3, 4, 5, 6, 7]) / 3
    pow_int = pow(3, 4)
    pow_frac = pow(10, -2)
    log_e = log(100, 10)
    floor_big = floor(1e20 + 0.5)
    ceil_neg = ceil(-0.5)
    parse_hex = parseint("7fffffffffffffff", 16)
    parse_b62 = parseint("Zz", 62)
    max_mix = max(1, "2", 0.5)
    min_neg = min(-1.5, -1.25)
    range_frac = jsonencode(range(0, 1, 0.3))
    format_float = format("%f", 1 / 3)
    format_width = format("%6.2f|%-6d|%06.1f", 3.14159, 42, -2.5)
    format_big = format("%d", 12345678901234567890)
    format_e = format("%.3e", 0.00012345)
    format_g = format("%g|%g|%g", 100000, 1000000, 0.0001)
    format_v = format("%v|%v", [1, "a"], { k = "v" })
    numstr = "${1.0}|${0.5e1}|${1e-5}"
    json_num = jsonencode([1e3, 0.1, -0, 1.23456789012345678901234567890])
  }
}
