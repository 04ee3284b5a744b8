;; RGB(A/X) to I420, four pixels of two rows at a time with 128-bit SIMD: the same fixed-point
;; arithmetic as rgbToI420 in i420.ts (which passes the matrix in), so both give the same bytes.
;; Compiled by scripts/build-i420-wasm.mjs into i420Wasm.ts.
(module
  (memory (export "memory") 1)
  (func (export "rgbToI420")
    (param $rgb i32) (param $w i32) (param $h i32) (param $rs i32) (param $bs i32) (param $out i32)
    (param $yr i32) (param $yg i32) (param $yb i32)
    (param $ur i32) (param $ug i32) (param $ub i32)
    (param $vr i32) (param $vg i32) (param $vb i32)
    (param $yoff i32) (param $coff i32)
    (local $y i32) (local $x i32) (local $p i32) (local $q i32) (local $ya i32) (local $yb2 i32)
    (local $ci i32) (local $uBase i32) (local $vBase i32)
    (local $p0 v128) (local $p1 v128) (local $m v128)
    (local $r0 v128) (local $g0 v128) (local $b0 v128) (local $r1 v128) (local $g1 v128) (local $b1 v128)
    (local $sr v128) (local $sg v128) (local $sb v128) (local $t v128)
    (local.set $m (i32x4.splat (i32.const 255)))
    (local.set $uBase (i32.add (local.get $out) (i32.mul (local.get $w) (local.get $h))))
    (local.set $vBase (i32.add (local.get $uBase) (i32.shr_u (i32.mul (local.get $w) (local.get $h)) (i32.const 2))))
    (local.set $y (i32.const 0))
    (block $rows
      (loop $row
        (br_if $rows (i32.ge_u (local.get $y) (local.get $h)))
        ;; byte offsets of this row pair's pixels, luma and chroma
        (local.set $p (i32.add (local.get $rgb) (i32.shl (i32.mul (local.get $y) (local.get $w)) (i32.const 2))))
        (local.set $q (i32.add (local.get $p) (i32.shl (local.get $w) (i32.const 2))))
        (local.set $ya (i32.add (local.get $out) (i32.mul (local.get $y) (local.get $w))))
        (local.set $yb2 (i32.add (local.get $ya) (local.get $w)))
        (local.set $ci (i32.mul (i32.shr_u (local.get $y) (i32.const 1)) (i32.shr_u (local.get $w) (i32.const 1))))
        (local.set $x (i32.const 0))
        (block $cols
          (loop $col
            (br_if $cols (i32.ge_u (local.get $x) (local.get $w)))
            (local.set $p0 (v128.load (i32.add (local.get $p) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $p1 (v128.load (i32.add (local.get $q) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $r0 (v128.and (i32x4.shr_u (local.get $p0) (local.get $rs)) (local.get $m)))
            (local.set $g0 (v128.and (i32x4.shr_u (local.get $p0) (i32.const 8)) (local.get $m)))
            (local.set $b0 (v128.and (i32x4.shr_u (local.get $p0) (local.get $bs)) (local.get $m)))
            (local.set $r1 (v128.and (i32x4.shr_u (local.get $p1) (local.get $rs)) (local.get $m)))
            (local.set $g1 (v128.and (i32x4.shr_u (local.get $p1) (i32.const 8)) (local.get $m)))
            (local.set $b1 (v128.and (i32x4.shr_u (local.get $p1) (local.get $bs)) (local.get $m)))
            ;; luma of both rows
            (local.set $t (i32x4.shr_u
              (i32x4.add (i32x4.add (i32x4.add
                (i32x4.mul (local.get $r0) (i32x4.splat (local.get $yr)))
                (i32x4.mul (local.get $g0) (i32x4.splat (local.get $yg))))
                (i32x4.mul (local.get $b0) (i32x4.splat (local.get $yb))))
                (i32x4.splat (local.get $yoff)))
              (i32.const 16)))
            (local.set $t (i16x8.narrow_i32x4_u (local.get $t) (local.get $t)))
            (v128.store32_lane 0 (i32.add (local.get $ya) (local.get $x)) (i8x16.narrow_i16x8_u (local.get $t) (local.get $t)))
            (local.set $t (i32x4.shr_u
              (i32x4.add (i32x4.add (i32x4.add
                (i32x4.mul (local.get $r1) (i32x4.splat (local.get $yr)))
                (i32x4.mul (local.get $g1) (i32x4.splat (local.get $yg))))
                (i32x4.mul (local.get $b1) (i32x4.splat (local.get $yb))))
                (i32x4.splat (local.get $yoff)))
              (i32.const 16)))
            (local.set $t (i16x8.narrow_i32x4_u (local.get $t) (local.get $t)))
            (v128.store32_lane 0 (i32.add (local.get $yb2) (local.get $x)) (i8x16.narrow_i16x8_u (local.get $t) (local.get $t)))
            ;; each 2×2 block's sums: the two rows added, then lanes 0+1 and 2+3
            (local.set $sr (i32x4.add (local.get $r0) (local.get $r1)))
            (local.set $sg (i32x4.add (local.get $g0) (local.get $g1)))
            (local.set $sb (i32x4.add (local.get $b0) (local.get $b1)))
            (local.set $sr (i32x4.add
              (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11 (local.get $sr) (local.get $sr))
              (i8x16.shuffle 4 5 6 7 12 13 14 15 4 5 6 7 12 13 14 15 (local.get $sr) (local.get $sr))))
            (local.set $sg (i32x4.add
              (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11 (local.get $sg) (local.get $sg))
              (i8x16.shuffle 4 5 6 7 12 13 14 15 4 5 6 7 12 13 14 15 (local.get $sg) (local.get $sg))))
            (local.set $sb (i32x4.add
              (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11 (local.get $sb) (local.get $sb))
              (i8x16.shuffle 4 5 6 7 12 13 14 15 4 5 6 7 12 13 14 15 (local.get $sb) (local.get $sb))))
            (local.set $t (i32x4.shr_s
              (i32x4.add (i32x4.add (i32x4.add
                (i32x4.mul (local.get $sr) (i32x4.splat (local.get $ur)))
                (i32x4.mul (local.get $sg) (i32x4.splat (local.get $ug))))
                (i32x4.mul (local.get $sb) (i32x4.splat (local.get $ub))))
                (i32x4.splat (local.get $coff)))
              (i32.const 18)))
            (local.set $t (i16x8.narrow_i32x4_u (local.get $t) (local.get $t)))
            (v128.store16_lane 0
              (i32.add (i32.add (local.get $uBase) (local.get $ci)) (i32.shr_u (local.get $x) (i32.const 1)))
              (i8x16.narrow_i16x8_u (local.get $t) (local.get $t)))
            (local.set $t (i32x4.shr_s
              (i32x4.add (i32x4.add (i32x4.add
                (i32x4.mul (local.get $sr) (i32x4.splat (local.get $vr)))
                (i32x4.mul (local.get $sg) (i32x4.splat (local.get $vg))))
                (i32x4.mul (local.get $sb) (i32x4.splat (local.get $vb))))
                (i32x4.splat (local.get $coff)))
              (i32.const 18)))
            (local.set $t (i16x8.narrow_i32x4_u (local.get $t) (local.get $t)))
            (v128.store16_lane 0
              (i32.add (i32.add (local.get $vBase) (local.get $ci)) (i32.shr_u (local.get $x) (i32.const 1)))
              (i8x16.narrow_i16x8_u (local.get $t) (local.get $t)))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $col)))
        (local.set $y (i32.add (local.get $y) (i32.const 2)))
        (br $row)))))
